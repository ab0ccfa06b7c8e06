// The least a page can do before its first button works: load one module and enable the button.
for (const b of document.querySelectorAll('button')) b.disabled = false;
