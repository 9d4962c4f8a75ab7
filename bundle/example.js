// The example page's own script: listens to the widget's events and switches its language.
const login = document.getElementById("login");
const log = document.getElementById("log");

for (const type of ["signin", "signout", "error"]) {
  document.addEventListener("oauthapp-login:" + type, (event) => {
    const line = `${type}: ${JSON.stringify(event.detail)}\n`;
    log.textContent = line + log.textContent;
  });
}

for (const button of document.querySelectorAll("button[data-lang]")) {
  button.addEventListener("click", () => login.setAttribute("lang", button.dataset.lang));
}
