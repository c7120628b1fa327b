import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of this response, set on the server (entry.server) and read by
 * the root for Remix's inline scripts. Browsers hide a nonce from scripts, so it is "" in the client.
 */
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export const useNonce = () => useContext(NonceContext);
