import { createContext, useContext } from "react";

/** The CSP nonce and request id of the server render (empty strings in the browser). */
export interface RequestInfo {
  nonce: string;
  requestId: string;
  /**
   * The reader's language when the root loader's data is missing (an error page after a failed
   * action); null in the browser, which reads it back from <html lang>.
   */
  locale?: string | null;
}

const RequestInfoContext = createContext<RequestInfo>({ nonce: "", requestId: "", locale: null });
export const RequestInfoProvider = RequestInfoContext.Provider;

export function useRequestInfo(): RequestInfo {
  return useContext(RequestInfoContext);
}
