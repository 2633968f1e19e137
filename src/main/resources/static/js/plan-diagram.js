// Renders each plan diagram on the page with bpmn-js (NavigatedViewer: pan and zoom, no editing),
// from the BPMN Firebreak serves, and marks the elements added or changed since the version before.
document.querySelectorAll('.plan-diagram[data-bpmn]').forEach(async (container) => {
  const viewer = new BpmnJS({ container });
  try {
    const response = await fetch(container.dataset.bpmn, { credentials: 'same-origin' });
    if (!response.ok) {
      throw new Error(response.status + ' ' + response.statusText);
    }
    await viewer.importXML(await response.text());
    const canvas = viewer.get('canvas');
    const elements = viewer.get('elementRegistry');
    canvas.zoom('fit-viewport');
    const mark = (ids, marker) => (ids || '').split(' ')
      .filter((id) => id && elements.get(id))
      .forEach((id) => canvas.addMarker(id, marker));
    mark(container.dataset.added, 'plan-added');
    mark(container.dataset.changed, 'plan-changed');
  } catch (error) {
    container.textContent = container.dataset.failed + ' ' + error.message;
    container.classList.add('error');
  }
});
