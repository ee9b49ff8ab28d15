// Host-page snippet for iframe embeds of the SenseTime explainer. Add it once to a page with
//   <iframe data-sensetime="chart" src="https://…/embed.html?chart=revenue-mix" title="…"></iframe>
//   <iframe data-sensetime="story" src="https://…/frame.html" title="…"></iframe>
// It sizes each frame to its content (from the frame's own height messages) and tells story
// frames where they sit in the viewport, since a frame that grows to fit never scrolls itself.
// FACTS.… are written once in Rust and replaced by their values when `cargo xtask dist` minifies
// this file (xtask/src/facts.rs).
const frames = () => [...document.querySelectorAll('iframe[data-sensetime]')];
// Frames whose document is ours: loaded, or heard from. Until then a frame holds the blank
// document of the host's origin, and a message addressed to our origin would be an error.
const arrived = new WeakSet();

window.addEventListener('message', (event) => {
  const frame = frames().find((f) => f.contentWindow === event.source);
  if (frame && !arrived.has(frame)) {
    arrived.add(frame);
    queue();
  }
  const data = event.data;
  if (frame && data?.sentinel === FACTS.ampSentinel && data.type === FACTS.ampEmbedSize && Number.isFinite(data.height)) {
    frame.style.height = `${Math.ceil(data.height)}px`;
    queue();
  }
});

let queued = false;
function tellStories() {
  queued = false;
  for (const frame of frames()) {
    if (frame.dataset.sensetime !== 'story' || !frame.contentWindow || !arrived.has(frame)) continue;
    const { top } = frame.getBoundingClientRect();
    frame.contentWindow.postMessage({ sentinel: FACTS.viewportSentinel, type: FACTS.viewportMessage, top, height: window.innerHeight }, new URL(frame.src).origin);
  }
}
function queue() {
  if (!queued) {
    queued = true;
    requestAnimationFrame(tellStories);
  }
}

window.addEventListener('scroll', queue, { passive: true });
window.addEventListener('resize', queue);
for (const frame of frames()) {
  frame.addEventListener('load', () => {
    arrived.add(frame);
    queue();
  });
}
queue();
