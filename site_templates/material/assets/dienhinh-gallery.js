// Photo gallery: a thumbnail opens its large photo in a <dialog> on the same page.
// Without JavaScript (or <dialog>), the link simply opens the large photo. No third-party code.
document.addEventListener("click", (event) => {
  const link = event.target.closest && event.target.closest("a.dh-gallery__link");
  const dialog = document.getElementById("dh-lightbox");
  if (!link || !dialog || typeof dialog.showModal !== "function") return;
  if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  const image = dialog.querySelector("img");
  image.src = link.href;
  image.alt = link.querySelector("img").alt;
  dialog.querySelector("figcaption").textContent = link.dataset.caption || "";
  dialog.showModal();
});
document.addEventListener("click", (event) => {
  // A click on the backdrop (outside the photo) closes the dialog.
  if (event.target instanceof HTMLDialogElement && event.target.open) event.target.close();
});
