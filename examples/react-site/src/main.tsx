import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
// Defines <oauthapp-login>; Vite copies the package's wasm and CSS next to the app's assets.
import "oauthapp-login";

// The API the widget talks to: ?api=… (the end-to-end test passes its reference server).
const api = new URLSearchParams(location.search).get("api") ?? "https://www.oauthapp.com";

function App() {
  const [lang, setLang] = useState("en");
  const [who, setWho] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  return (
    <main>
      <h1>React + oauthapp-login</h1>
      <label>
        Language{" "}
        <select value={lang} onChange={(e) => setLang(e.target.value)}>
          <option value="en">English</option>
          <option value="zh-CN">简体中文</option>
        </select>
      </label>
      <p role="status" id="who">{who ? `Signed in as ${who}` : "Signed out"}</p>
      {error && <p role="alert">{error}</p>}
      {/* React 19 passes attributes to a custom element as they are (app-id, lang, changing
          lang updates the widget) and turns on<event> props into listeners of <event>. */}
      <oauthapp-login
        id="login"
        app-id="2"
        server-url={api}
        lang={lang}
        onoauthapp-login:signin={(e) => {
          // e: OAuthAppLoginSignInEvent (oauthapp-login/react's JSX types)
          setWho(String(e.detail.claims.unique_name ?? e.detail.claims.sub));
          setError(null);
        }}
        onoauthapp-login:signout={() => setWho(null)}
        onoauthapp-login:error={(e) => setError(e.detail.message)}
      />
    </main>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
