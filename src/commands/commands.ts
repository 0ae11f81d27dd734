/** Ribbon commands. The ribbon button only opens the task pane; Office needs this page to exist. */
void Office.onReady();
