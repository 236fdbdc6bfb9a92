// mkdocs-material's inline scripts (partials/javascripts/base.html and content.html), loaded
// from this file so that the site's Content-Security-Policy needs no 'unsafe-inline'
// (deploy/nginx/). The theme writes the page's base URL into the first; here it comes from
// the script tag (data-scope). tests/test_csp.py checks this file against the theme's own.
__md_scope=new URL(document.currentScript.dataset.scope,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
// The theme runs this right after the page's content, before its bundle: here it runs when the
// document is parsed, before the bundle's own handlers of the same event.
document.addEventListener("DOMContentLoaded",()=>{var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))})
