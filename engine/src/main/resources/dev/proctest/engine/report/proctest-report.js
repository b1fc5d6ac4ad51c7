/* proctest report: renders the index of runs (index.html) or the page of one test (report.html)
   from the facts the run wrote beside it. Text from tests and children is only ever set as text. */
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var ORDER = { failed: 0, aborted: 1, skipped: 2, passed: 3 };
  var LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'];
  var MAX_COLUMNS = 12, MAX_ARROWS = 1000;
  var FORMAT = 1; // of the facts; a run or page written in another is not drawn

  function make(ns, tag, attrs, kids) {
    var node = ns ? document.createElementNS(ns, tag) : document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { if (attrs[key] !== null && attrs[key] !== undefined) node.setAttribute(key, attrs[key]); });
    (kids || []).forEach(function (kid) { node.appendChild(typeof kid === 'string' || typeof kid === 'number' ? document.createTextNode(String(kid)) : kid); });
    return node;
  }
  function el(tag, attrs) { return make(null, tag, attrs, [].slice.call(arguments, 2)); }
  function svg(tag, attrs) { return make(SVG, tag, attrs, [].slice.call(arguments, 2)); }
  function seconds(millis) { return (millis / 1000).toFixed(3) + ' s'; }
  function clock(millis) { return new Date(millis).toISOString().replace('T', ' ').replace('Z', ' UTC'); }
  function badge(outcome) { return el('span', { 'class': 'outcome ' + outcome }, outcome); }
  function add(parent) {
    [].slice.call(arguments, 1).forEach(function (kid) { parent.appendChild(typeof kid === 'string' ? document.createTextNode(kid) : kid); });
    return parent;
  }

  var factsNode = document.getElementById('proctest-facts');
  if (!factsNode) {
    index(window.proctestRuns || []);
  } else {
    var facts = JSON.parse(factsNode.textContent);
    if (facts.format === FORMAT) {
      page(facts);
    } else {
      add(document.body, el('h1', {}, 'proctest report'), el('p', { 'class': 'note skipped' },
          'This page was written by another version of proctest; run its test again to see it.'));
    }
  }

  function index(runs) {
    document.title = 'proctest report';
    add(document.body, el('h1', {}, 'proctest report'),
        el('p', { 'class': 'note' }, runs.length + (runs.length === 1 ? ' run' : ' runs') + ' wrote into this directory, newest first; failures first in each.'));
    var text = el('input', { type: 'search', placeholder: 'filter tests', id: 'filter-text' });
    var boxes = Object.keys(ORDER).map(function (outcome) {
      return el('label', {}, el('input', { type: 'checkbox', checked: 'checked', 'data-outcome': outcome }), ' ' + outcome);
    });
    add(document.body, add(el('div', { 'class': 'filters' }, text), ...boxes));
    var readable = runs.filter(function (run) { return run && run.format === FORMAT && Array.isArray(run.tests); });
    if (readable.length < runs.length) {
      add(document.body, el('p', { 'class': 'note skipped' }, (runs.length - readable.length) + ' of the runs were written by another'
          + ' version of proctest and are not shown; `mvn clean` removes them.'));
    }
    readable.sort(function (a, b) { return b.started - a.started; }).forEach(function (run) {
      var counts = {};
      run.tests.forEach(function (test) { if (test.test) counts[test.outcome] = (counts[test.outcome] || 0) + 1; });
      var summary = Object.keys(ORDER).filter(function (o) { return counts[o]; }).map(function (o) { return counts[o] + ' ' + o; }).join(', ');
      add(document.body, el('h2', { 'class': 'run', 'data-run': run.id }, 'Run of ' + clock(run.started) + ': ' + (summary || 'no tests')),
          el('p', { 'class': 'note' }, 'Java ' + run.java + ' in ' + run.directory + '; ' + seconds(run.ended - run.started) + '; '
              + run.childrenStarted + ' children started, ' + run.childrenEnded + ' stopped'));
      var table = el('table', { 'class': 'tests' }, el('tr', {}, el('th', {}, ''), el('th', {}, 'test'), el('th', {}, 'engine'),
          el('th', {}, 'time'), el('th', {}, 'children'), el('th', {}, 'message')));
      run.tests.slice().sort(function (a, b) {
        return (ORDER[a.outcome] - ORDER[b.outcome]) || a.path.join(' ').localeCompare(b.path.join(' '));
      }).forEach(function (test) {
        var name = test.path.join(' › ');
        add(table, el('tr', { 'class': 'test-row', 'data-outcome': test.outcome, 'data-name': name },
            el('td', {}, badge(test.outcome)), el('td', {}, test.page ? el('a', { href: test.page }, name) : name),
            el('td', {}, test.engine), el('td', { 'class': 'num' }, seconds(test.millis)),
            el('td', {}, (test.children || []).join(', ')), el('td', { 'class': 'msg' }, (test.message || '').split('\n')[0])));
      });
      add(document.body, table);
    });
    function filter() {
      var shown = {};
      boxes.forEach(function (box) { var input = box.firstChild; shown[input.getAttribute('data-outcome')] = input.checked; });
      var needle = text.value.toLowerCase();
      document.querySelectorAll('tr.test-row').forEach(function (row) {
        row.style.display = shown[row.getAttribute('data-outcome')] && row.getAttribute('data-name').toLowerCase().indexOf(needle) >= 0 ? '' : 'none';
      });
    }
    text.addEventListener('input', filter);
    boxes.forEach(function (box) { box.firstChild.addEventListener('change', filter); });
  }

  function page(facts) {
    var test = facts.test;
    var start = test.started;
    var end = test.ended;
    facts.children.forEach(function (child) { child.events.forEach(function (e) { end = Math.max(end, e.t); }); });
    add(document.body, el('p', {}, el('a', { href: facts.index }, '← all tests of the run')),
        el('h1', {}, test.className + ' › ' + test.name + ' ', badge(test.outcome)),
        el('p', { 'class': 'note' }, 'Ran ' + seconds(test.ended - test.started) + ' from ' + clock(test.started) + '. ' + test.id));
    if (test.failure) add(document.body, el('pre', { 'class': 'failure', id: 'failure' }, test.failure));
    var legend = el('p', { 'class': 'note' }, 'Each child\'s bar: ');
    [['starting', 'starting'], ['running', 'running (ready)'], ['up', 'running (readiness not awaited)'], ['paused', 'paused'],
        ['stopping', 'stopping']].forEach(function (s) {
      add(legend, make(SVG, 'svg', { width: 12, height: 10 }, [svg('rect', { 'class': 'seg-' + s[0], width: 12, height: 10 })]), ' ' + s[1] + '  ');
    });
    add(legend, '; a red stroke is a kill. The test\'s bar: its method, then its @AfterEach methods, then its scope\'s end (light),'
        + ' where its children stop; the ticks are its messages.');
    add(document.body, el('h2', {}, 'Timeline'), legend, timeline(facts, start, end));
    add(document.body, el('h2', {}, 'Messages'), sequence(facts.messages, start));
    if (facts.faults && facts.faults.length) {
      add(document.body, el('p', {}, 'Faults in force on its links as the test ended:'),
          add(el('ul', { id: 'faults' }), ...facts.faults.map(function (fault) { return el('li', {}, fault); })));
    }
    add(document.body, el('h2', {}, 'Logs'), logs(facts, start));
    add(document.body, el('h2', {}, 'Calls recorded in children'), calls(facts.calls, start));
    var files = el('ul', {});
    facts.children.forEach(function (child) { add(files, el('li', {}, el('a', { href: child.log }, child.log), ' (log of ' + child.name + (child.shared ? ', shared by the run' : '') + ', pid ' + child.pid + ')')); });
    facts.files.forEach(function (file) { add(files, el('li', {}, el('a', { href: file }, file))); });
    add(document.body, el('h2', {}, 'Files'), files);
  }

  /** One lane per child name, a bar per incarnation coloured by its state; a lane for the test with its messages. */
  function timeline(facts, start, end) {
    var width = 1000, left = 170, lane = 26, span = Math.max(1, end - start);
    function x(t) { return left + Math.max(0, Math.min(1, (t - start) / span)) * (width - left - 60); }
    var names = [];
    facts.children.forEach(function (child) { if (names.indexOf(child.name) < 0) names.push(child.name); });
    var height = 30 + lane * (names.length + 1);
    var chart = svg('svg', { id: 'timeline', width: width, height: height, viewBox: '0 0 ' + width + ' ' + height });
    var axis = svg('g', { 'class': 'axis' });
    for (var i = 0; i <= 10; i++) {
      var t = start + span * i / 10;
      add(axis, svg('line', { x1: x(t), x2: x(t), y1: 14, y2: height }), svg('text', { x: x(t), y: 11, 'text-anchor': 'middle' }, '+' + seconds(t - start)));
    }
    add(chart, axis);
    var testLane = svg('g', { 'class': 'lane test-lane', transform: 'translate(0,' + 20 + ')' }, svg('text', { x: 4, y: 16 }, 'test'));
    var body = facts.test.bodyEnded || facts.test.ended, closing = facts.test.closing || body;
    [['test', facts.test.started, body, 'the test method ran'], ['after', body, closing, '@AfterEach methods ran'],
        ['ending', closing, facts.test.ended, 'the test\'s scope ended: its children stopped']].forEach(function (phase) {
      if (phase[2] > phase[1]) {
        add(testLane, svg('rect', { 'class': 'seg-' + phase[0], 'data-phase': phase[0], x: x(phase[1]), y: 6, width: Math.max(1, x(phase[2]) - x(phase[1])), height: 12 },
            svg('title', {}, phase[3] + ' for ' + seconds(phase[2] - phase[1]) + ' from +' + seconds(phase[1] - start))));
      }
    });
    facts.messages.shown.forEach(function (m) {
      add(testLane, svg('line', { 'class': 'mark-message', x1: x(m.t), x2: x(m.t), y1: 2, y2: 22 }, svg('title', {}, m.party + ' ' + m.action + ' ' + m.frames.join(' '))));
    });
    add(chart, testLane);
    names.forEach(function (name, row) {
      var g = svg('g', { 'class': 'lane child-lane', 'data-child': name, transform: 'translate(0,' + (20 + lane * (row + 1)) + ')' },
          svg('text', { x: 4, y: 16 }, name + (facts.children.some(function (c) { return c.name === name && c.shared; }) ? ' (shared)' : '')));
      var states = [], exits = [];
      facts.children.filter(function (c) { return c.name === name; }).forEach(function (child, incarnation) {
        var segments = segmentsOf(child, end);
        segments.forEach(function (s) {
          states.push(s.state);
          add(g, svg('rect', { 'class': 'seg seg-' + s.state, 'data-state': s.state, x: x(s.from), y: 4, width: Math.max(2, x(s.to) - x(s.from)), height: 16 },
              svg('title', {}, name + (incarnation ? ' (restart ' + incarnation + ')' : '') + ': ' + s.state + ' from +' + seconds(s.from - start) + ' for ' + seconds(s.to - s.from) + (s.detail ? ', ' + s.detail : ''))));
        });
        child.events.filter(function (e) { return e.what === 'killed'; }).forEach(function (e) {
          add(g, svg('line', { 'class': 'mark-killed', x1: x(e.t) - 5, x2: x(e.t) + 5, y1: 2, y2: 22 }, svg('title', {}, 'killed: ' + e.detail)));
        });
        if (incarnation > 0 && segments.length) add(g, svg('text', { x: x(segments[0].from), y: 2 }, 'restart'));
        if (child.eventsDropped) add(g, svg('title', {}, name + ': ' + child.eventsDropped + ' events between its first and its newest are not kept'));
        var last = segments.length ? segments[segments.length - 1].to : end;
        var label = child.exit === null ? (child.paused ? 'paused' : 'running') : 'exit ' + child.exit;
        exits.push(child.exit === null ? '' : String(child.exit));
        add(g, svg('text', { 'class': 'exit', x: x(last) + 3, y: 16 }, label));
      });
      g.setAttribute('data-states', states.join(' '));
      g.setAttribute('data-exits', exits.join(' '));
      add(chart, g);
    });
    return chart;
  }

  function segmentsOf(child, end) {
    var segments = [], state = null, from = null, detail = '';
    // a child the test awaited starts as starting; one it never awaited is up, since nobody looked
    var readies = child.events.some(function (e) { return e.what === 'ready' || e.what === 'not ready'; });
    function to(next, t, why) { if (state !== null && t > from) segments.push({ state: state, from: from, to: t, detail: detail }); state = next; from = t; detail = why || ''; }
    child.events.forEach(function (e) {
      switch (e.what) {
        case 'started': to(readies ? 'starting' : 'up', e.t, e.detail); break;
        case 'not ready': detail = 'not ready: ' + e.detail; break;
        case 'ready': case 'resumed': to('running', e.t, e.what); break;
        case 'paused': to('paused', e.t, e.detail); break;
        case 'stopping': to('stopping', e.t, 'stopped with ' + e.detail); break;
        case 'exited': to(null, e.t); break;
        default: break;
      }
    });
    if (state !== null) to(null, Math.max(end, from + 1));
    return segments;
  }

  /** The conversation as a sequence chart: a column per socket, line client or link and per peer; an arrow per message. */
  function sequence(messages, start) {
    if (!messages.shown.length) return el('p', { 'class': 'note' }, 'No test socket, line client or link said anything in this test.');
    function peerOf(party) { var peers = messages.peers[party]; return peers && peers.length ? peers.join(', ') : null; }
    // a chart of thousands of clients reads as nothing: the first columns, the newest messages among them
    var all = [];
    messages.shown.forEach(function (m) {
      [m.party, peerOf(m.party)].forEach(function (name) { if (name && all.indexOf(name) < 0) all.push(name); });
    });
    var kept = all.slice(0, MAX_COLUMNS);
    var drawable = messages.shown.filter(function (m) { return kept.indexOf(m.party) >= 0 && (!peerOf(m.party) || kept.indexOf(peerOf(m.party)) >= 0); });
    var drawn = drawable.slice(-MAX_ARROWS);
    var columns = [];
    function column(name) { if (columns.indexOf(name) < 0) columns.push(name); return columns.indexOf(name); }
    drawn.forEach(function (m) { column(m.party); if (peerOf(m.party)) column(peerOf(m.party)); });
    var gap = 240, top = 34, rows = [], y = top + 10;
    drawn.forEach(function (m) { var shown = Math.min(m.frames.length, 4); rows.push(y); y += 22 + 13 * shown; });
    var width = 40 + gap * Math.max(2, columns.length), height = y + 10;
    var chart = svg('svg', { id: 'sequence', width: width, height: height, viewBox: '0 0 ' + width + ' ' + height });
    add(chart, svg('defs', {}, svg('marker', { id: 'head', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto' }, svg('path', { d: 'M0,0 L10,5 L0,10 z' }))));
    function cx(i) { return 40 + gap * i + gap / 2 - 60; }
    columns.forEach(function (name, i) {
      add(chart, svg('text', { 'class': 'column', x: cx(i), y: 16, 'text-anchor': 'middle' }, name), svg('line', { 'class': 'lifeline', x1: cx(i), x2: cx(i), y1: 22, y2: height }));
    });
    var exchanges = {}, lastAction = {};
    drawn.forEach(function (m, i) {
      var peer = peerOf(m.party), from = m.party, to = peer, y0 = rows[i];
      if (m.action === 'received') { from = peer; to = m.party; }
      var isMessage = (m.action === 'sent' || m.action === 'received') && peer;
      var g = svg('g', { 'class': isMessage ? 'message' : 'note', 'data-action': m.action, 'data-party': m.party, 'data-frames': JSON.stringify(m.frames) });
      var frames = m.frames.slice(0, 4).map(plain).concat(m.frames.length > 4 ? ['(' + (m.frames.length - 4) + ' more frames)'] : []);
      if (isMessage) {
        // an exchange is a message sent and the replies to it; what comes unasked starts one of its own
        if (m.action === 'sent' || lastAction[m.party] !== 'sent' && lastAction[m.party] !== 'received-reply') {
          exchanges[m.party] = (exchanges[m.party] || 0) + 1;
        }
        lastAction[m.party] = m.action === 'received' && lastAction[m.party] === 'sent' ? 'received-reply' : m.action;
        var number = exchanges[m.party];
        g.setAttribute('data-exchange', number); g.setAttribute('data-from', from); g.setAttribute('data-to', to);
        var x1 = cx(column(from)), x2 = cx(column(to)), label = Math.min(x1, x2) + 8;
        add(g, svg('line', { 'class': 'arrow', x1: x1, x2: x2, y1: y0 + 6, y2: y0 + 6 }),
            svg('text', { x: label, y: y0 + 2 }, number + ' ' + (m.action === 'sent' ? 'OUT' : 'IN') + '  +' + seconds(m.t - start)));
        frames.forEach(function (frame, k) { add(g, svg('text', { x: label, y: y0 + 20 + 13 * k }, frame)); });
      } else {
        var x0 = cx(column(m.party));
        add(g, svg('rect', { 'class': 'note-box', x: x0 - 4, y: y0 - 8, width: gap - 20, height: 16 + 13 * frames.length }),
            svg('text', { x: x0, y: y0 + 4 }, m.action + '  +' + seconds(m.t - start)));
        frames.forEach(function (frame, k) { add(g, svg('text', { x: x0, y: y0 + 17 + 13 * k }, frame)); });
      }
      add(chart, g);
    });
    var box = el('div', {});
    if (messages.earlier > 0) add(box, el('p', { 'class': 'note' }, messages.earlier + ' earlier messages are not shown; the transcript files have what was kept.'));
    if (drawn.length < messages.shown.length) {
      add(box, el('p', { 'class': 'note', id: 'not-drawn' }, 'The chart draws ' + drawn.length + ' of ' + messages.shown.length + ' messages: the newest '
          + MAX_ARROWS + ' at most, between its first ' + MAX_COLUMNS + ' columns (' + all.length + ' sockets, clients, links and peers spoke).'
          + ' The transcript files have every message kept.'));
    }
    return add(box, chart);
  }

  /** A frame shown as its text when it is text: the transcript quotes it, the chart need not. */
  function plain(frame) {
    if (/^".*"$/.test(frame)) { try { return JSON.parse(frame); } catch (e) { return frame; } }
    return frame;
  }

  function logs(facts, start) {
    var box = el('div', {}), records = facts.records.shown;
    var names = [];
    records.forEach(function (r) { if (names.indexOf(r.child) < 0) names.push(r.child); });
    var level = add(el('select', { id: 'filter-level' }), ...LEVELS.map(function (l) { return el('option', { value: l }, l + ' and above'); }));
    var text = el('input', { type: 'search', placeholder: 'filter messages', id: 'filter-message' });
    var boxes = names.map(function (name) { return el('label', {}, el('input', { type: 'checkbox', checked: 'checked', 'data-child': name }), ' ' + name); });
    add(box, el('p', { 'class': 'note' }, 'Showing ' + records.length + ' of ' + facts.records.total + ' records, the newest, in time order; each child\'s log file has them all.'));
    add(box, add(el('div', { 'class': 'filters' }, level, ' ', text, ' '), ...boxes));
    var table = el('table', { id: 'logs' }, el('tr', {}, el('th', {}, 'time'), el('th', {}, 'child'), el('th', {}, 'level'), el('th', {}, 'logger'), el('th', {}, 'thread'), el('th', {}, 'message')));
    records.forEach(function (r) {
      add(table, el('tr', { 'class': 'record level-' + r.level, 'data-child': r.child, 'data-level': r.level },
          el('td', { 'class': 'time' }, '+' + seconds(r.t - start)), el('td', {}, r.child), el('td', {}, r.level), el('td', {}, r.logger || ''),
          el('td', {}, r.thread || ''), el('td', { 'class': 'msg' }, r.message + (r.thrown ? '\n' + r.thrown : ''))));
    });
    function filter() {
      var min = LEVELS.indexOf(level.value), needle = text.value.toLowerCase(), shown = {};
      boxes.forEach(function (b) { shown[b.firstChild.getAttribute('data-child')] = b.firstChild.checked; });
      table.querySelectorAll('tr.record').forEach(function (row) {
        var visible = shown[row.getAttribute('data-child')] && LEVELS.indexOf(row.getAttribute('data-level')) >= min
            && row.lastChild.textContent.toLowerCase().indexOf(needle) >= 0;
        row.style.display = visible ? '' : 'none';
      });
    }
    level.addEventListener('change', filter); text.addEventListener('input', filter);
    boxes.forEach(function (b) { b.firstChild.addEventListener('change', filter); });
    return add(box, table);
  }

  function calls(list, start) {
    if (!list.length) return el('p', { 'class': 'note' }, 'No calls were recorded.');
    var table = el('table', { id: 'calls' }, el('tr', {}, el('th', {}, 'time'), el('th', {}, 'child'), el('th', {}, 'call'), el('th', {}, 'thread')));
    list.forEach(function (c) { add(table, el('tr', { 'class': 'call' }, el('td', { 'class': 'time' }, '+' + seconds(c.t - start)), el('td', {}, c.child), el('td', { 'class': 'msg' }, c.call), el('td', {}, c.thread || ''))); });
    return table;
  }
}());
