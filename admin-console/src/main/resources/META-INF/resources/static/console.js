// Moves the progress bars every two seconds from the JSON forms of the publication pages.
(function () {
  const list = document.querySelector('[data-poll]');
  const one = document.querySelector('[data-poll-one]');
  async function pollList() {
    const response = await fetch(list.dataset.poll, { headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    const percent = await response.json();
    for (const [id, value] of Object.entries(percent)) {
      const bar = document.querySelector('progress[data-id="' + id + '"]');
      const label = document.querySelector('[data-percent="' + id + '"]');
      if (bar) bar.value = value;
      if (label) label.textContent = value + '%';
    }
  }
  async function pollOne() {
    const response = await fetch(one.dataset.pollOne, { headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    const delivery = await response.json();
    document.getElementById('overall').value = delivery.percent;
    document.getElementById('overall-percent').textContent = delivery.percent + '%';
    document.getElementById('state').textContent = delivery.publication.state.toLowerCase();
    for (const r of delivery.recipients) {
      const row = one.querySelector('tr[data-user="' + r.user + '"]');
      if (!row) continue;
      row.querySelector('.state').textContent = r.state;
      row.querySelector('progress').value = r.percent;
      row.querySelector('.percent').textContent = r.percent + '%';
    }
  }
  function every(f) { f().catch(() => {}); setInterval(() => f().catch(() => {}), 2000); }
  if (list) every(pollList);
  if (one) every(pollOne);
})();
