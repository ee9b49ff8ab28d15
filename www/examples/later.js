// Stands for a host page's own scripts that run after our embeds: they must still run.
window.laterScriptRan = true;
