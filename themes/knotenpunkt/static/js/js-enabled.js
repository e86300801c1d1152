/* Loaded blocking in <head> of pages whose scripts add controls (the member
   directory's filter): marks <html class="js"> before the first paint, so CSS
   can show those controls from the start instead of moving the page when the
   deferred script runs (no layout shift). Inline scripts are not allowed
   (content_errors/executable.py), hence this file. */
document.documentElement.classList.add("js");
