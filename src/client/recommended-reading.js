// Recommended Reading: adds a "Change it" button that shows the next set of related articles
// without reloading, cycling, and announces the change to screen readers. Without JavaScript
// the first set is a plain list and there is no button.

for (const block of document.querySelectorAll('[data-module="recommended-reading"]')) {
  const items = [...block.querySelectorAll("ul > li")];
  const size = Number(block.dataset.setSize) || 4;
  const sets = Math.ceil(items.length / size);
  if (sets < 2) continue;

  let current = 0;
  const status = document.createElement("p");
  status.className = "bs-related__status bs-visually-hidden";
  status.setAttribute("role", "status");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "bs-related__change bs-button bs-button--secondary";
  button.textContent = block.dataset.labelChange ?? "Change it";

  const show = (set) => {
    items.forEach((item, index) => {
      item.hidden = Math.floor(index / size) !== set;
    });
    const from = set * size + 1;
    const to = Math.min(items.length, from + size - 1);
    status.textContent = (block.dataset.labelStatus ?? "{from}–{to} of {total}")
      .replace("{from}", String(from))
      .replace("{to}", String(to))
      .replace("{total}", String(items.length));
  };

  button.addEventListener("click", () => {
    current = (current + 1) % sets;
    show(current);
  });
  block.querySelector("h2").after(button);
  block.append(status);
}
