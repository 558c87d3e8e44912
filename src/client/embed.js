// Embeds: each is a link to the original page until the reader asks for the player. This turns
// the link into a button; only its click adds the frame, so no request reaches the provider
// before then (the page's Content-Security-Policy allows that provider's frame and no other).

for (const figure of document.querySelectorAll('[data-module="embed"]')) {
  const placeholder = figure.querySelector(".bs-embed__placeholder");
  const src = figure.dataset.embedSrc;
  if (!placeholder || !src) continue;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "bs-embed__play bs-button";
  button.textContent = figure.dataset.embedLabel ?? "Play";
  button.addEventListener("click", () => {
    const frame = document.createElement("iframe");
    frame.className = "bs-embed__frame";
    frame.src = src;
    frame.title = figure.dataset.embedTitle ?? "";
    frame.allow = "fullscreen; picture-in-picture; encrypted-media";
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    placeholder.replaceChildren(frame);
    frame.focus();
  });
  placeholder.prepend(button);
}
