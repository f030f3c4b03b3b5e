// The whole stylesheet, kept as one string so it ships inside the UI chunk and is applied through
// a constructable stylesheet (or a nonce'd <style>): no extra request, nothing for a CSP to block.
// Public knobs are the --cg-* custom properties; they inherit into the shadow root from the host.
const LIGHT =
  '--bg:var(--cg-background,#fff);--fg:var(--cg-text,#1f1f1f);--mu:#4a4a4a;--a:var(--cg-accent,#0b57d0);--af:#fff;--bd:#767676;color-scheme:light';
const DARK =
  '--bg:var(--cg-background,#1f1f1f);--fg:var(--cg-text,#f0f0f0);--mu:#c8c8c8;--a:var(--cg-accent,#a8c7fa);--af:#062e6f;--bd:#8e8e8e;color-scheme:dark';

export const CSS: string = `:host{all:initial}
.cg{${LIGHT};--r:var(--cg-radius,8px);font:15px/1.5 var(--cg-font,system-ui,-apple-system,"Segoe UI",Roboto,"PingFang SC","Microsoft YaHei",sans-serif);color:var(--fg);overflow-wrap:anywhere}
.cg.dark{${DARK}}
@media (prefers-color-scheme:dark){.cg.auto{${DARK}}}
.cg *{box-sizing:border-box}
.p{position:fixed;z-index:2147483646;background:var(--bg);color:var(--fg);padding:16px 20px;box-shadow:0 0 0 1px var(--bd),0 4px 24px #0005;animation:cg-in .2s ease-out}
.bar{left:0;right:0;bottom:0;max-height:100%;overflow:auto}
.box,.center{border-radius:var(--r);width:min(440px,calc(100% - 32px));max-height:calc(100% - 32px);overflow:auto}
.box{right:16px;bottom:16px}
.center{inset:0;margin:auto;height:fit-content;width:min(560px,calc(100% - 32px))}
.ov{position:fixed;inset:0;z-index:2147483647;background:#000a;display:flex;padding:16px;overflow:auto}
.ov>.p{position:relative;margin:auto;border-radius:var(--r);width:min(640px,100%);max-height:100%;overflow:auto}
.inl .p,.inl .ov{position:relative;inset:auto;z-index:auto;margin:0 0 16px}
.inl .ov{background:#0006}
h2{font-size:1.2em;line-height:1.3;margin:0 0 8px}
p{margin:0 0 8px}
.mu{color:var(--mu);font-size:.93em}
a{color:var(--a)}
.acts{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}
.btn{flex:1 1 12em;min-height:44px;padding:8px 16px;border:2px solid var(--a);border-radius:var(--r);background:var(--a);color:var(--af);font:inherit;font-weight:600;cursor:pointer}
.o{background:var(--bg);color:var(--a)}
.cg :focus-visible{outline:3px solid var(--a);outline-offset:2px}
.hd{display:flex;gap:8px;align-items:flex-start;justify-content:space-between}
.x{flex:none;width:44px;height:44px;padding:0;font-size:24px;line-height:1}
.cat{border-top:1px solid var(--bd);padding:12px 0}
.row{display:flex;gap:12px;align-items:center;justify-content:space-between}
.row label{font-weight:600;flex:1}
.sw{appearance:none;flex:none;position:relative;width:48px;height:28px;margin:0;border:2px solid var(--bd);border-radius:14px;background:var(--bd);cursor:pointer;transition:background .15s}
.sw::before{content:"";position:absolute;top:2px;left:2px;width:20px;height:20px;border-radius:50%;background:var(--bg);transition:transform .15s}
.sw:checked{background:var(--a);border-color:var(--a)}
.sw:checked::before{transform:translateX(20px)}
.sw:disabled{cursor:default}
summary{cursor:pointer;min-height:24px;color:var(--a);margin-top:4px}
ul{margin:4px 0;padding-left:20px}
fieldset{border:0;margin:0;padding:0;min-width:0}
legend{padding:0;margin-bottom:4px}
.note{border-left:4px solid var(--a);padding-left:8px}
.fb{position:fixed;left:16px;bottom:16px;z-index:2147483646;flex:none;box-shadow:0 2px 12px #0005}
@keyframes cg-in{from{transform:translateY(8px)}}
@media (prefers-reduced-motion:reduce){.cg *{animation:none!important;transition:none!important}}`;
