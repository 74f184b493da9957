/**
 * The widget's CSS, scoped to its shadow root: `:host { all: initial }` cuts every style the host
 * page would pass down (the host is a custom tag, so page rules on div or button miss it), so a
 * brokerage's own CSS cannot change the chat, and ours cannot leak out. Under 480 px the open panel takes the whole screen.
 */
export const WIDGET_CSS = `
:host{all:initial}
.root{position:fixed;z-index:2147483000;bottom:20px;right:20px;--inmo-c:#1d4ed8;
font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;color:#1b2430}
.root.left{right:auto;left:20px}
*,*::before,*::after{box-sizing:border-box}
button,textarea{font:inherit;color:inherit}
.launcher{all:unset;box-sizing:border-box;width:60px;height:60px;border-radius:50%;background:var(--inmo-c);color:#fff;
display:grid;place-items:center;cursor:pointer;box-shadow:0 6px 20px rgb(16 24 40/28%);position:relative;transition:transform .15s}
.launcher:hover{transform:scale(1.05)}
.launcher:focus-visible,.icon:focus-visible,.send:focus-visible,.retry:focus-visible{outline:3px solid #93c5fd;outline-offset:2px}
.launcher svg{width:28px;height:28px}
.dot{position:absolute;top:2px;right:2px;width:14px;height:14px;border-radius:50%;background:#dc2626;border:2px solid #fff}
.panel{position:absolute;bottom:76px;right:0;width:370px;height:min(580px,calc(100vh - 120px));background:#fff;border-radius:16px;
box-shadow:0 16px 48px rgb(16 24 40/24%);display:flex;flex-direction:column;overflow:hidden;border:1px solid #dfe4ec}
.left .panel{right:auto;left:0}
[hidden]{display:none}
header{background:var(--inmo-c);color:#fff;padding:14px 12px 14px 16px;display:flex;align-items:center;gap:12px}
.avatar{width:38px;height:38px;border-radius:50%;background:rgb(255 255 255/22%);display:grid;place-items:center;font-weight:700;flex:none}
.who{flex:1;min-width:0}
h2{margin:0;font-size:16px;font-weight:650;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.sub{margin:0;font-size:13px;opacity:.9}
.icon{all:unset;box-sizing:border-box;width:36px;height:36px;border-radius:8px;display:grid;place-items:center;cursor:pointer;color:#fff}
.icon:hover{background:rgb(255 255 255/16%)}
.icon svg{width:20px;height:20px}
.log{flex:1;overflow-y:auto;padding:16px;display:flex;flex-direction:column;gap:8px;background:#f5f7fa}
.msg{max-width:82%;padding:8px 12px;border-radius:14px;white-space:pre-wrap;overflow-wrap:anywhere}
.msg.agent{align-self:flex-start;background:#fff;border:1px solid #dfe4ec;border-bottom-left-radius:4px}
.msg.visitor{align-self:flex-end;background:var(--inmo-c);color:#fff;border-bottom-right-radius:4px}
.msg.sending{opacity:.65}
.msg.failed{background:#fef2f2;color:#7f1d1d;border:1px solid #fecaca}
.meta{display:block;font-size:11px;opacity:.75;margin-top:2px;text-align:right}
.note{align-self:center;text-align:center;color:#5b6676;font-size:14px;padding:12px;max-width:90%}
.note.error{color:#b91c1c}
.retry{all:unset;cursor:pointer;text-decoration:underline;font-weight:600;margin-left:4px}
.typing{align-self:flex-start;color:#5b6676;font-size:13px;font-style:italic;display:flex;align-items:center;gap:6px}
.typing i{width:6px;height:6px;border-radius:50%;background:#94a3b8;animation:b 1s infinite}
.typing i:nth-child(2){animation-delay:.15s}.typing i:nth-child(3){animation-delay:.3s}
@keyframes b{0%,80%,100%{opacity:.3}40%{opacity:1}}
@media (prefers-reduced-motion:reduce){.typing i{animation:none}.launcher{transition:none}}
form{display:flex;gap:8px;padding:10px;border-top:1px solid #dfe4ec;background:#fff;align-items:flex-end}
textarea{flex:1;resize:none;border:1px solid #c7cfdb;border-radius:10px;padding:9px 12px;min-height:42px;max-height:120px;background:#fff;outline:none}
textarea:focus{border-color:var(--inmo-c);box-shadow:0 0 0 3px #93c5fd}
.send{all:unset;box-sizing:border-box;height:42px;padding:0 16px;border-radius:10px;background:var(--inmo-c);color:#fff;font-weight:600;cursor:pointer}
.send:disabled{opacity:.5;cursor:default}
.brand{margin:0;padding:0 10px 8px;font-size:11px;color:#8a94a6;text-align:center;background:#fff}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:479.98px){
.root{bottom:16px;right:16px}
.root.left{left:16px}
.panel{position:fixed;inset:0;width:auto;height:auto;border-radius:0;border:0}
.open .launcher{display:none}
textarea{font-size:16px}
}
`;
