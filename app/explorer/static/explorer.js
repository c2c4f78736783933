// The explorer's one script, hand-written: everything works without it; it adds the review queue's
// accept / edit / reject through the public /v1/candidates API, with a write key the reviewer types
// in and that is kept only in this tab's sessionStorage.
"use strict";
(function () {
  const KEY = "bilateral-write-key";
  const queue = document.querySelector("ol.candidates");
  const keyForm = document.getElementById("key-form");
  if (!queue || !keyForm) return;

  const input = document.getElementById("write-key");
  const state = document.getElementById("key-state");
  const readOnly = document.getElementById("read-only");
  keyForm.hidden = false;

  // A status in the page's language (the list carries the words).
  function said(status) {
    return queue.dataset[status] || status;
  }

  function key() {
    return sessionStorage.getItem(KEY) || "";
  }

  function enable() {
    const on = key() !== "";
    readOnly.hidden = on;
    state.textContent = on ? "✓" : "";
    queue.querySelectorAll(".review-form textarea, .review-form input, .review-form button").forEach((el) => {
      el.disabled = !on;
    });
  }

  keyForm.addEventListener("submit", (event) => {
    event.preventDefault();
    if (input.value.trim()) sessionStorage.setItem(KEY, input.value.trim());
    input.value = "";
    enable();
  });
  document.getElementById("forget-key").addEventListener("click", () => {
    sessionStorage.removeItem(KEY);
    enable();
  });

  async function call(path, body) {
    const response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", Authorization: `Bearer ${key()}` },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    let data = null;
    try {
      data = JSON.parse(text);
    } catch (error) {
      data = { detail: text };
    }
    if (!response.ok) throw new Error(`${response.status} ${data.title || ""}: ${data.detail || ""}`);
    return data;
  }

  queue.addEventListener("click", async (event) => {
    const button = event.target.closest("button[data-act]");
    if (!button) return;
    const form = button.closest("form.review-form");
    const item = form.closest("li.candidate");
    const id = form.dataset.id;
    const outcome = form.querySelector(".outcome");
    outcome.textContent = "…";
    try {
      if (button.dataset.act === "accept") {
        const edits = JSON.parse(form.querySelector("textarea").value || "{}");
        const data = await call(`/v1/candidates/${encodeURIComponent(id)}/accept`, { edits });
        const mine = data.accepted.find((c) => String(c.id) === String(id)) || data.accepted[0];
        item.dataset.status = "accepted";
        item.querySelector(".candidate-status").textContent = said("accepted");
        if (mine && mine.record_id) {
          const link = document.createElement("a");
          const path = { event: "events", agreement: "agreements", trade_figure: "trade-figures",
            infrastructure_project: "infrastructure-projects", person: "people", organization: "organizations",
            place: "places" }[mine.record_type];
          link.href = `/${path}/${encodeURIComponent(mine.record_id)}`;
          link.textContent = mine.record_id;
          const slot = item.querySelector(".candidate-record");
          slot.textContent = "→ ";
          slot.appendChild(link);
        }
      } else {
        const reason = form.querySelector("input[name=reason]").value.trim();
        const data = await call(`/v1/candidates/${encodeURIComponent(id)}/reject`, { reason });
        item.dataset.status = data.status;
        item.querySelector(".candidate-status").textContent = said(data.status);
      }
      outcome.textContent = said(item.dataset.status);
      form.querySelectorAll("textarea, input, button").forEach((el) => { el.disabled = true; });
    } catch (error) {
      outcome.textContent = String(error.message || error);
    }
  });

  enable();
})();
