// The renderer's styles; the page puts them in a <style> element.

/** Styles for every class the renderer writes. */
export const FLEX_CSS = `
.fx-bubble{display:flex;flex-direction:column;flex:0 0 auto;max-width:100%;background:#fff;border-radius:16px;overflow:hidden;box-shadow:0 1px 1px rgba(0,0,0,.06);text-align:start}
.fx-carousel .fx-bubble{max-width:none}
.fx-block{display:flex;flex-direction:column;min-width:0}
.fx-block-body{flex:1 1 auto}
.fx-block>.fx-box{flex:1 1 auto}
.fx-box{display:flex;min-width:0;box-sizing:border-box}
.fx-box>*{min-width:0}
.fx-text{overflow:hidden;line-height:1.4;min-width:0;overflow-wrap:anywhere}
.fx-text.fx-wrap{overflow:visible}
.fx-text[style*="-webkit-box"]{overflow:hidden}
.fx-button{display:flex;align-items:center;justify-content:center;border-radius:8px;font-size:16px;padding:0 16px;box-sizing:border-box;cursor:pointer;user-select:none;min-width:0;transition:filter .12s}
.fx-button span{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.fx-button:hover{filter:brightness(.95)}
.fx-button:active{filter:brightness(.88)}
.fx-link:hover{background:rgba(0,0,0,.04)}
.fx-image-frame{position:relative;overflow:hidden;background:#f2f3f5}
.fx-block-hero .fx-image-frame{background:#e9ebee}
.fx-image-frame img{position:absolute;inset:0;width:100%;height:100%}
.fx-icon{display:inline-block;object-fit:contain}
.fx-separator{min-height:0;min-width:0}
.fx-unknown{font-size:12px;color:#999}
[data-act]{cursor:pointer}
.emoji{display:inline-block;width:1.15em;height:1.15em;vertical-align:-0.2em;margin:0 .05em}
.emoji-bracket{width:.55em;margin:0}
.fx-carousel{display:flex;align-items:stretch;gap:8px;overflow-x:auto;max-width:100%;padding-bottom:4px;scrollbar-width:thin}
.tp-card{width:260px;flex:0 0 auto;background:#fff;border-radius:16px;overflow:hidden;display:flex;flex-direction:column}
.tp-thumb{position:relative;background:#eee}.tp-thumb img{position:absolute;inset:0;width:100%;height:100%}
.tp-title{font-weight:700;font-size:16px;padding:14px 16px 0}
.tp-text{font-size:14px;padding:12px 16px 14px;white-space:pre-wrap;color:#111}
.tp-actions{border-top:1px solid #e3e5e8;display:flex;flex-direction:column}
.tp-actions.tp-row{flex-direction:row}
.tp-action{flex:1 1 0;text-align:center;padding:12px;color:#42659a;font-size:15px;cursor:pointer}
.tp-actions .tp-action+.tp-action{border-top:1px solid #e3e5e8}
.tp-actions.tp-row .tp-action+.tp-action{border-top:none;border-inline-start:1px solid #e3e5e8}
.tp-image img{width:100%;aspect-ratio:1/1;object-fit:cover}
`;
