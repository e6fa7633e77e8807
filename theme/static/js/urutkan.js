/* Progressive enhancement: click a column header to sort a table marked data-urutkan.
   Without JavaScript the table stays in its published order (by rank). */
(function () {
  function value(cell, numeric) {
    var text = cell.textContent.trim();
    if (!numeric) return text.toLocaleLowerCase("id");
    var n = parseFloat(text.replace(/\./g, "").replace(",", "."));
    return isNaN(n) ? -Infinity : n;
  }
  document.querySelectorAll("table[data-urutkan]").forEach(function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "urut";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var numeric = th.classList.contains("angka");
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = value(a.cells[index], numeric), y = value(b.cells[index], numeric);
          return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
