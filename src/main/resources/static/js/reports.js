// Draws the /reports charts with ECharts (served from Firebreak's webjar) from the figures the page
// carries in <script type="application/json" id="report-figures">, the same JSON as /reports.json.
// Times are in seconds there; the charts show minutes, or hours once the longest passes 3 hours.
(function () {
  const source = document.getElementById('report-figures');
  if (!source || typeof echarts === 'undefined') {
    return;
  }
  const report = JSON.parse(source.textContent);
  const series = [
    ['MTTA p50', 'timeToAcknowledge', 'p50Seconds'],
    ['MTTA p90', 'timeToAcknowledge', 'p90Seconds'],
    ['MTTR p50', 'timeToResolve', 'p50Seconds'],
    ['MTTR p90', 'timeToResolve', 'p90Seconds'],
  ];

  function unitFor(groups) {
    const longest = Math.max(0, ...groups.flatMap((group) =>
      series.map(([, measure, figure]) => group[measure][figure] || 0)));
    return longest > 3 * 3600 ? { name: 'hours', seconds: 3600 } : { name: 'minutes', seconds: 60 };
  }

  function value(group, measure, figure, unit) {
    const seconds = group[measure][figure];
    return seconds === null || seconds === undefined ? null : Math.round(seconds / unit.seconds * 10) / 10;
  }

  function draw(id, groups, type, withCounts) {
    const container = document.getElementById(id);
    if (!container) {
      return;
    }
    const unit = unitFor(groups);
    const chart = echarts.init(container);
    const option = {
      title: { text: container.dataset.title, textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'axis' },
      legend: { top: 24 },
      grid: { top: 64, left: 48, right: withCounts ? 48 : 16, bottom: 32 },
      xAxis: { type: 'category', data: groups.map((group) => group.group) },
      yAxis: [{ type: 'value', name: unit.name }],
      series: series.map(([name, measure, figure]) => ({
        name, type, connectNulls: false, data: groups.map((group) => value(group, measure, figure, unit)),
      })),
    };
    if (withCounts) {
      option.yAxis.push({ type: 'value', name: 'incidents', minInterval: 1, splitLine: { show: false } });
      option.series.push({ name: 'incidents', type: 'bar', yAxisIndex: 1, itemStyle: { opacity: 0.35 },
        data: groups.map((group) => group.incidents) });
    }
    chart.setOption(option);
    window.addEventListener('resize', () => chart.resize());
  }

  draw('chart-by-severity', report.bySeverity, 'bar', false);
  draw('chart-by-month', report.byMonth, 'line', true);
}());
