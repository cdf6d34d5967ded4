/* The page's behaviour: draw the network, filter it, search it, explain it.
 *
 * Safety rule: every text that came from the news reaches the DOM either through `tip` (HTML
 * whose every piece of news text was escaped in Python, see view/html.py) or through
 * textContent / value. Nothing else is ever assigned to innerHTML.
 */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("mg-data").textContent);
  const container = document.getElementById("mg-network");
  const tooltip = document.getElementById("mg-tooltip");
  const details = document.getElementById("mg-details");
  const detailsBody = document.getElementById("mg-details-body");
  const counts = document.getElementById("mg-counts");

  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  const filter = {
    categories: new Set(data.categories.map((c) => c.key)),
    from: "",
    to: "",
    undated: true,
  };
  let shownNodes = null; // null while nothing is filtered: every actor is shown

  // A partial date ("2024-08") is in range when its month or year overlaps the range.
  function dateInRange(date) {
    if (filter.from && date < filter.from.slice(0, date.length)) return false;
    if (filter.to && date > filter.to.slice(0, date.length)) return false;
    return true;
  }

  function edgeShown(edge) {
    if (!filter.categories.has(edge.category)) return false;
    if (edge.dates.length === 0) return filter.undated;
    return (!filter.from && !filter.to) || edge.dates.some(dateInRange);
  }

  function filtering() {
    return filter.categories.size < data.categories.length ||
      Boolean(filter.from || filter.to) || !filter.undated;
  }

  const edgeView = new vis.DataView(edges, { filter: edgeShown });
  const nodeView = new vis.DataView(nodes, {
    filter: (node) => shownNodes === null || shownNodes.has(node.id),
  });

  const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  network.once("afterDrawing", () => {
    window.mgFirstDraw = performance.now();
  });

  function updateCounts() {
    counts.textContent = `${nodeView.length} actors, ${edgeView.length} relations shown`;
  }

  // ---- neighbourhood highlight ----
  // Dimming every other actor through the DataSet re-parses the options of each item and takes
  // seconds on 5,000 actors. Instead, once vis-network has drawn, veil the canvas and draw the
  // neighbourhood again on top (Node.draw, Edge.draw and Edge.drawArrows of vis-network 9.1):
  // the cost grows with the neighbourhood, not with the graph.
  let highlighted = null; // { nodes: [ids], edges: [ids] } of the highlighted neighbourhood

  network.on("afterDrawing", (ctx) => {
    if (highlighted === null) return;
    const topLeft = network.DOMtoCanvas({ x: 0, y: 0 });
    const bottomRight = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
    ctx.save();
    ctx.fillStyle = "rgba(255, 255, 255, 0.82)";
    ctx.fillRect(topLeft.x, topLeft.y, bottomRight.x - topLeft.x, bottomRight.y - topLeft.y);
    ctx.restore();
    const drawn = network.body;
    const edgesNow = highlighted.edges.map((id) => drawn.edges[id]).filter(Boolean);
    edgesNow.forEach((edge) => edge.draw(ctx));
    edgesNow.forEach((edge) => edge.drawArrows(ctx));
    const labels = [];
    highlighted.nodes.map((id) => drawn.nodes[id]).filter(Boolean).forEach((node) => {
      const drawLabel = node.draw(ctx).drawExternalLabel;
      if (drawLabel) labels.push(drawLabel);
    });
    labels.forEach((drawLabel) => drawLabel());
  });

  function clearHighlight() {
    if (highlighted === null) return;
    highlighted = null;
    network.redraw();
  }

  function highlight(nodeId) {
    highlighted = {
      nodes: [nodeId, ...network.getConnectedNodes(nodeId)],
      edges: network.getConnectedEdges(nodeId),
    };
    network.redraw();
  }

  // ---- tooltips and the details panel ----
  function showTip(html, pointer) {
    tooltip.innerHTML = html; // escaped in Python: see the safety rule above
    tooltip.hidden = false;
    const box = container.getBoundingClientRect();
    const x = Math.min(pointer.x + 14, box.width - tooltip.offsetWidth - 4);
    const y = Math.min(pointer.y + 14, box.height - tooltip.offsetHeight - 4);
    tooltip.style.left = `${Math.max(0, x)}px`;
    tooltip.style.top = `${Math.max(0, y)}px`;
  }

  function hideTip() {
    tooltip.hidden = true;
  }

  function showDetails(html) {
    detailsBody.innerHTML = html; // escaped in Python: see the safety rule above
    details.hidden = false;
    details.scrollIntoView({ block: "nearest" });
  }

  network.on("hoverNode", (p) => showTip(nodes.get(p.node).tip, p.pointer.DOM));
  network.on("hoverEdge", (p) => showTip(edges.get(p.edge).tip, p.pointer.DOM));
  network.on("blurNode", hideTip);
  network.on("blurEdge", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);
  network.on("click", (p) => {
    hideTip();
    if (p.nodes.length > 0) {
      highlight(p.nodes[0]);
      showDetails(nodes.get(p.nodes[0]).tip);
    } else if (p.edges.length > 0) {
      clearHighlight();
      showDetails(edges.get(p.edges[0]).tip);
    } else {
      clearHighlight();
      details.hidden = true;
    }
  });
  document.getElementById("mg-close").addEventListener("click", () => {
    details.hidden = true;
  });

  // ---- filters ----
  function applyFilters() {
    clearHighlight();
    hideTip();
    edgeView.refresh();
    if (filtering()) {
      shownNodes = new Set();
      edgeView.forEach((edge) => {
        shownNodes.add(edge.from);
        shownNodes.add(edge.to);
      });
    } else {
      shownNodes = null;
    }
    nodeView.refresh();
    updateCounts();
  }

  const boxes = Array.from(document.querySelectorAll(".mg-category"));
  function readCategories() {
    filter.categories = new Set(boxes.filter((b) => b.checked).map((b) => b.value));
    applyFilters();
  }
  boxes.forEach((box) => box.addEventListener("change", readCategories));
  function checkAll(checked) {
    boxes.forEach((box) => { box.checked = checked; });
    readCategories();
  }
  document.getElementById("mg-all").addEventListener("click", () => checkAll(true));
  document.getElementById("mg-none").addEventListener("click", () => checkAll(false));

  const from = document.getElementById("mg-from");
  const to = document.getElementById("mg-to");
  const undated = document.getElementById("mg-undated");
  function readDates() {
    filter.from = from.value;
    filter.to = to.value;
    filter.undated = undated.checked;
    applyFilters();
  }
  [from, to, undated].forEach((input) => input.addEventListener("change", readDates));

  // ---- search ----
  const search = document.getElementById("mg-search");
  const status = document.getElementById("mg-search-status");
  const names = document.getElementById("mg-names");
  const index = [];
  nodes.forEach((node) => {
    node.names.forEach((name) => {
      index.push([name.toLowerCase(), node.id]);
      const option = document.createElement("option");
      option.value = name;
      names.appendChild(option);
    });
  });

  function findActor(text) {
    const query = text.trim().toLowerCase();
    if (!query) return null;
    const exact = index.find(([name]) => name === query);
    const partial = exact || index.find(([name]) => name.includes(query));
    return partial ? partial[1] : null;
  }

  function focusActor(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1), animation: false });
    highlight(id);
    showDetails(nodes.get(id).tip);
  }

  function searchActor() {
    if (!search.value.trim()) {
      status.textContent = "";
      return;
    }
    const id = findActor(search.value);
    if (id === null) {
      status.textContent = "no such actor";
    } else if (nodeView.get(id) === null) {
      status.textContent = "hidden by the filters";
    } else {
      status.textContent = "";
      focusActor(id);
    }
  }
  document.getElementById("mg-search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    searchActor();
  });
  // Picking a name from the suggestions is a search too, without pressing Enter.
  search.addEventListener("change", searchActor);

  updateCounts();
  // For tests, benchmarks and the curious: the live network and its data.
  window.mgNetwork = network;
  window.mgView = {
    nodes, edges, nodeView, edgeView, applyFilters, filter, highlight,
    highlighted: () => (highlighted === null ? [] : highlighted.nodes.slice()),
  };
})();
