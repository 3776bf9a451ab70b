/*
 * The dashboard's charts (Apache ECharts). Each chart element carries its data in data-chart (written by
 * DashboardCharts); a click on a bar, a cell or a point opens the drill-down it stands for.
 */
(function () {
    'use strict';

    function stack(data, horizontal) {
        var categoryAxis = {type: 'category', triggerEvent: true, data: data.categories, axisLabel: {interval: 0, width: 110, overflow: 'truncate'}};
        var valueAxis = {type: 'value', minInterval: 1};
        return {
            tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
            legend: {top: 0},
            grid: {left: horizontal ? 120 : 40, right: 20, top: 36, bottom: horizontal ? 24 : 64},
            xAxis: horizontal ? valueAxis : Object.assign({}, categoryAxis, {axisLabel: {interval: 0, rotate: 30, width: 90, overflow: 'truncate'}}),
            yAxis: horizontal ? Object.assign({}, categoryAxis, {inverse: true}) : valueAxis,
            series: data.series.map(function (series) {
                return {name: series.name, type: 'bar', stack: 'items', itemStyle: {color: series.color}, data: series.data,
                    emphasis: {focus: 'series'}};
            })
        };
    }

    function heatmap(data) {
        // cells of chapters that have not started are grey (a series of their own, which the colour scale leaves alone)
        var started = data.cells.filter(function (cell) { return !cell.notStarted; });
        var waiting = data.cells.filter(function (cell) { return cell.notStarted; });
        return {
            tooltip: {
                formatter: function (params) {
                    var cell = params.data;
                    return data.rows[cell.value[1]] + ' · ' + data.columns[cell.value[0]] + '<br>'
                        + (cell.notStarted ? data.notStartedLabel : data.label + ' ' + cell.value[2] + '%')
                        + '<br>' + data.linesLabel + ' ' + cell.lines + (cell.overdue ? '<br>' + data.overdueLabel + ' ' + cell.overdue : '');
                }
            },
            // the colour scale stands at the right, clear of the rotated chapter names under the grid
            grid: {left: 90, right: 70, top: 10, bottom: 90},
            xAxis: {type: 'category', data: data.columns, axisLabel: {interval: 0, rotate: 35, width: 90, overflow: 'truncate'}},
            yAxis: {type: 'category', data: data.rows, inverse: true, triggerEvent: true},
            visualMap: {min: 0, max: 100, calculable: true, orient: 'vertical', right: 0, top: 'middle', itemHeight: 100, itemWidth: 12,
                seriesIndex: 0, inRange: {color: ['#dc3545', '#ffc107', '#198754']}},
            series: [
                {type: 'heatmap', data: started, label: {show: true, formatter: function (p) { return p.value[2]; }}},
                {type: 'heatmap', data: waiting, itemStyle: {color: data.notStartedColor},
                    label: {show: true, formatter: function () { return '—'; }}}
            ]
        };
    }

    function months(data) {
        return {
            tooltip: {trigger: 'axis'},
            legend: {top: 0},
            grid: {left: 48, right: 48, top: 36, bottom: 48},
            xAxis: {type: 'category', data: data.categories, axisLabel: {rotate: 30}},
            yAxis: [{type: 'value', minInterval: 1}, {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value}%'}}],
            series: [
                {name: data.names[0], type: 'bar', data: data.sent, itemStyle: {color: '#0d6efd'}},
                {name: data.names[1], type: 'bar', data: data.approved, itemStyle: {color: '#198754'}},
                {name: data.names[2], type: 'bar', data: data.returned, itemStyle: {color: '#dc3545'}},
                {name: data.names[3], type: 'line', yAxisIndex: 1, data: data.percent, itemStyle: {color: '#6f42c1'}}
            ]
        };
    }

    function target(data) {
        var lines = [{name: data.targetLabel, yAxis: Number(data.target), label: {formatter: data.targetLabel + ' {c}'}}];
        if (data.county !== '') {
            lines.push({name: data.countyLabel, yAxis: Number(data.county), lineStyle: {color: '#6f42c1'},
                label: {formatter: data.countyLabel + ' {c}'}});
        }
        return {
            tooltip: {trigger: 'axis'},
            grid: {left: 48, right: 90, top: 20, bottom: 90},
            xAxis: {type: 'category', data: data.categories, axisLabel: {interval: 0, rotate: 45, width: 90, overflow: 'truncate'}},
            yAxis: {type: 'value', name: data.unit, scale: true},
            series: [{name: data.name, type: 'bar', data: data.values.map(function (value) {
                return {value: Number(value.value), url: value.url, itemStyle: {color: value.met ? '#198754' : '#dc3545'}};
            }), markLine: {symbol: 'none', data: lines}}]
        };
    }

    function option(data) {
        switch (data.type) {
            case 'stack': return stack(data, false);
            case 'ranking': return stack(data, true);
            case 'heatmap': return heatmap(data);
            case 'months': return months(data);
            case 'target': return target(data);
            default: return null;
        }
    }

    function draw(element) {
        var data = JSON.parse(element.getAttribute('data-chart'));
        var chart = window.echarts.init(element, null, {renderer: 'canvas'});
        chart.setOption(option(data));
        chart.on('click', function (params) {
            var url = params.data && params.data.url;
            if (!url && data.rowUrls && params.componentType === 'yAxis') {
                url = data.rowUrls[data.rows.indexOf(params.value)];
            } else if (!url && data.urls && (params.componentType === 'xAxis' || params.componentType === 'yAxis')) {
                url = data.urls[data.categories.indexOf(params.value)];
            }
            if (url) {
                window.location.href = url;
            }
        });
        element.setAttribute('data-chart-ready', 'true');
        window.addEventListener('resize', function () { chart.resize(); });
        return chart;
    }

    document.addEventListener('DOMContentLoaded', function () {
        if (!window.echarts) {
            return;
        }
        window.workplanCharts = {};
        document.querySelectorAll('.chart[data-chart]').forEach(function (element) {
            window.workplanCharts[element.id] = draw(element);
        });
    });
}());
