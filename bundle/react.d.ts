// JSX types of <oauthapp-login> for React 19 with TypeScript. Opt in once: list
// "oauthapp-login/react" in tsconfig's "types", or `import type {} from "oauthapp-login/react"`.
import type { HTMLAttributes, RefAttributes } from "react";
import type {
  OAuthAppLoginAttribute,
  OAuthAppLoginElement,
  OAuthAppLoginErrorEvent,
  OAuthAppLoginSignInEvent,
  OAuthAppLoginSignOutEvent,
} from "oauthapp-login";

/** The props React passes to `<oauthapp-login>`: its attributes, and React 19's
 * `on<event>` listeners for its three events. */
export type OAuthAppLoginProps = HTMLAttributes<OAuthAppLoginElement> &
  RefAttributes<OAuthAppLoginElement> & {
    [A in OAuthAppLoginAttribute]?: string | number | boolean;
  } & {
    "onoauthapp-login:signin"?: (event: OAuthAppLoginSignInEvent) => void;
    "onoauthapp-login:signout"?: (event: OAuthAppLoginSignOutEvent) => void;
    "onoauthapp-login:error"?: (event: OAuthAppLoginErrorEvent) => void;
  };

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "oauthapp-login": OAuthAppLoginProps;
    }
  }
}
