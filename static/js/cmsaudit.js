// cmsaudit: behaviour every page shares, kept out of the HTML so the Content-Security-Policy forbids inline script.

// A select marked data-autosubmit submits its form when changed (the language switch, the round picker);
// without JavaScript the form's own button does it.
document.addEventListener("change", (event) => {
  const select = event.target.closest("select[data-autosubmit]");
  if (select && select.form) {
    select.form.submit();
  }
});
