// Placeholder entry; the task pane is built in issue 4.
const root = document.getElementById("root");
if (root) root.textContent = "KOR";
