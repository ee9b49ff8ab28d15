// Starts the Wasm story. If it cannot start, the page stays a complete, readable article.
const root = document.documentElement;

function showNotice(text) {
  const notice = document.getElementById('notice');
  if (notice) {
    notice.textContent = text;
    notice.hidden = false;
  }
}

async function boot() {
  try {
    const wasm = await import('./pkg/sensetime_explainer.js');
    await wasm.default();
    wasm.start();
    window.sensetime = Object.freeze({ figures: wasm.figures, drawChart: wasm.drawChart });
    root.dataset.story = 'ready';
  } catch (error) {
    root.dataset.story = 'failed';
    showNotice('The interactive charts could not start in this browser. The story and all its figures are in the text.');
    console.warn('SenseTime explainer: the interactive charts could not start.', error);
  }
}

boot();
