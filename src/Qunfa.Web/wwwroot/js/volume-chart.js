// 发送量统计's trend chart: the page passes its days in data-chart; clicking a day opens that day's 任务记录.
document.addEventListener('DOMContentLoaded', () => {
    const canvas = document.getElementById('volume-chart');
    if (!canvas || typeof Chart === 'undefined') return;
    const data = JSON.parse(canvas.dataset.chart || '{}');
    const chart = new Chart(canvas, {
        type: 'line',
        data: {
            labels: data.labels,
            datasets: data.series.map(s => ({
                label: s.name,
                data: s.values,
                borderColor: s.color,
                backgroundColor: s.color,
                tension: 0.2,
                pointRadius: 3,
            })),
        },
        options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            interaction: { mode: 'index', intersect: false },
            plugins: { legend: { position: 'bottom' }, tooltip: { enabled: true } },
            scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
            onClick: (event) => {
                const hit = chart.getElementsAtEventForMode(event, 'index', { intersect: false }, false)[0];
                if (hit && data.links[hit.index]) window.location.href = data.links[hit.index];
            },
        },
    });
    canvas.dataset.rendered = 'true';
});
