// Under `require-trusted-types-for 'script'` a script's body and `src` only take Trusted Types
// values (https://w3c.github.io/trusted-types/dist/spec/). The gate re-emits exactly what the page
// itself wrote (a held tag's body and URL) and loads its own UI file, through ONE policy named
// `consentgate`: site owners allow it with `trusted-types consentgate`. One per window, because
// a second `createPolicy` with the same name throws unless the CSP says 'allow-duplicates'.

/** The two conversions the gate needs; plain strings where Trusted Types are absent or refused. */
export interface TrustedScripts {
  script(text: string): string;
  url(url: string): string;
}

type Factory = {
  createPolicy(
    name: string,
    rules: object,
  ): { createScript(s: string): unknown; createScriptURL(s: string): unknown };
};

const plain: TrustedScripts = { script: (text) => text, url: (url) => url };
// Kept on the window itself, not in this module: the gate and the files it loads each carry a
// copy of this module, and a second `createPolicy('consentgate')` would throw.
const POLICY = Symbol.for('consentgate.trustedTypes');

/** The `consentgate` Trusted Types policy of `w`, created on first use. */
export function trustedScripts(w: typeof globalThis): TrustedScripts {
  const registry = w as unknown as Record<symbol, TrustedScripts | undefined>;
  let scripts = registry[POLICY];
  if (!scripts) {
    scripts = plain;
    const factory = (w as { trustedTypes?: Factory }).trustedTypes;
    try {
      const policy = factory?.createPolicy('consentgate', { createScript: String, createScriptURL: String });
      // The DOM accepts the Trusted Types objects where it takes strings; the casts only satisfy TypeScript.
      if (policy)
        scripts = {
          script: (text) => policy.createScript(text) as string,
          url: (url) => policy.createScriptURL(url) as string,
        };
    } catch {
      // The CSP does not allow the name: fall back to strings (the browser then reports the violation).
    }
    registry[POLICY] = scripts;
  }
  return scripts;
}
