// The attention explorer's page: plain JavaScript and SVG, no library.
//
// Two sources of answers: the `explore --model DIR` server (GET
// api/translate?sentence=...&beam=K), or, in a page written by
// `explore --export DIR`, the answers precomputed in data.js
// (window.EXPLORER_DATA). An answer holds the source words, the
// translation with each step's probability and alternatives, the beam's
// hypotheses and every attention map (rows of weights, labels, titles).
(function () {
  'use strict';

  const DATA = window.EXPLORER_DATA || null;
  const SVG = 'http://www.w3.org/2000/svg';
  const $ = (id) => document.getElementById(id);

  let latest = 0;        // the number of the newest question asked
  let inFlight = null;   // the AbortController of the question in flight
  let reveal = [];       // timers that show the translation word by word
  let shown = null;      // the answer on the page

  // --- asking ---------------------------------------------------------

  /** The answer for a sentence and a beam width, as a Promise. */
  function ask(sentence, beam, signal) {
    if (DATA) {
      // (an error thrown here rejects the promise, as a server's would)
      return new Promise((resolve) => resolve(precomputed(sentence, beam)));
    }
    const url = 'api/translate?sentence=' + encodeURIComponent(sentence)
      + '&beam=' + encodeURIComponent(beam);
    return fetch(url, { signal: signal }).then((response) =>
      response.json().then((body) => {
        if (!response.ok) {
          throw new Error(body.error);
        }
        return body;
      }));
  }

  /** An answer of the export, or the error that says there is none. */
  function precomputed(sentence, beam) {
    const wanted = sentence.trim().toLowerCase().split(/\s+/).join(' ');
    for (const answer of DATA.answers) {
      if (answer.sentence === wanted && answer.beam === beam) {
        return answer;
      }
    }
    throw new Error('this page holds answers only for the listed sentences'
      + ' (beam ' + DATA.beams.join(' or ') + '); the program answers any:'
      + ' explore --model DIR');
  }

  /**
   * Asks for the form's sentence. A newer question supersedes an older
   * one: the older request is aborted, and an answer that arrives late is
   * dropped. The page stays usable while a question is in flight.
   */
  function translate() {
    const sentence = $('sentence').value;
    const beam = Number($('beam').value);
    const number = ++latest;
    if (inFlight) {
      inFlight.abort();
    }
    inFlight = new AbortController();
    const started = performance.now();
    status('translating…');
    ask(sentence, beam, inFlight.signal).then((answer) => {
      if (number !== latest) {
        return;
      }
      inFlight = null;
      const ms = Math.round(performance.now() - started);
      status(DATA ? 'precomputed' : 'answered in ' + ms + ' ms');
      show(answer);
    }).catch((error) => {
      if (number !== latest || error.name === 'AbortError') {
        return;
      }
      inFlight = null;
      status('');
      showError(error.message);
    });
  }

  function status(text) {
    $('status').textContent = text;
  }

  function showError(message) {
    const error = $('error');
    error.textContent = 'error: ' + message;
    error.hidden = false;
  }

  // --- showing an answer ----------------------------------------------

  function show(answer) {
    shown = answer;
    $('error').hidden = true;
    const example = $('example');
    const listed = Array.from(example.options, (o) => o.value);
    example.value = listed.includes(answer.sentence) ? answer.sentence : '';
    showTranslation(answer);
    showHypotheses(answer);
    fillLineChoices(answer);
    showLines();
    showMaps(answer);
  }

  /** The words one after the other, each with its probability. */
  function showTranslation(answer) {
    reveal.forEach(clearTimeout);
    reveal = [];
    const list = $('translation');
    list.replaceChildren();
    list.dataset.complete = 'false';
    list.dataset.sentence = answer.sentence;
    answer.steps.forEach((step, t) => {
      const item = element('li', 'waiting');
      item.append(element('div', 'word', step.word));
      item.append(element('div', 'probability',
        'p = ' + step.probability.toFixed(4)));
      const others = element('ul', 'alternatives');
      for (const choice of step.alternatives) {
        others.append(element('li', '', choice.word + '  '
          + choice.probability.toFixed(4)));
      }
      item.append(others);
      item.dataset.probability = String(step.probability);
      list.append(item);
      reveal.push(setTimeout(() => {
        item.classList.remove('waiting');
        if (t === answer.steps.length - 1) {
          list.dataset.complete = 'true';
        }
      }, 70 * t));
    });
    if (!answer.ended) {
      list.append(element('li', 'limit', '… stopped at the length limit,'
        + ' before </s>'));
    }
  }

  function showHypotheses(answer) {
    const body = $('hypotheses').querySelector('tbody');
    body.replaceChildren();
    answer.hypotheses.forEach((h, i) => {
      const row = element('tr', i === 0 ? 'best' : '');
      row.append(element('td', 'number', String(i + 1)));
      row.append(element('td', '', h.text));
      row.append(element('td', 'number', h.score.toFixed(4)));
      row.append(element('td', 'number', h.normalised.toFixed(4)));
      body.append(row);
    });
  }

  // --- heat maps ------------------------------------------------------

  /** The colour of a weight in [0, 1]: white to blue, for every map. */
  function colour(w) {
    const v = Math.round(255 * (1 - Math.min(1, Math.max(0, w))));
    return 'rgb(' + v + ',' + v + ',255)';
  }

  const AXES = {
    'encoder self': ['query: English word', 'key: English word'],
    'decoder self': ['query: the word predicted', 'key: decoder input'],
    'cross': ['query: the word predicted', 'key: English word']
  };

  function showMaps(answer) {
    const maps = $('maps');
    maps.replaceChildren();
    let group = null;
    answer.maps.forEach((map, index) => {
      const name = map.kind + ' attention, layer ' + map.layer;
      if (!group || group.dataset.name !== name) {
        maps.append(element('h3', '', name));
        group = element('div', 'group');
        group.dataset.name = name;
        maps.append(group);
      }
      group.append(heatMap(map, index));
    });
    if (!$('scale').firstChild) {
      $('scale').append(scale());
    }
  }

  /** One map: title, labels, axis titles, a cell per weight. */
  function heatMap(map, index) {
    const cell = Math.max(14, Math.min(30, Math.floor(220
      / Math.max(map.rows.length, map.cols.length))));
    const left = 20 + 7 * longest(map.rows) + 8;
    const top = 28;
    const bottom = 7 * longest(map.cols) + 30;
    const width = Math.max(left + cell * map.cols.length + 10,
      7 * map.title.length + 20);
    const height = top + cell * map.rows.length + bottom;
    const svg = svgElement('svg', { width: width, height: height,
      class: 'map', 'data-map': index });
    svg.append(svgText(10, 16, map.title, 'title'));
    map.rows.forEach((word, r) => {
      svg.append(svgText(left - 4, top + cell * r + cell / 2 + 4, word, '',
        'end'));
    });
    map.cols.forEach((word, c) => {
      const x = left + cell * c + cell / 2 + 4;
      const y = top + cell * map.rows.length + 6;
      const label = svgText(x, y, word, '', 'end');
      label.setAttribute('transform', 'rotate(-60 ' + x + ' ' + y + ')');
      svg.append(label);
    });
    map.weights.forEach((row, r) => row.forEach((w, c) => {
      svg.append(svgElement('rect', { class: 'cell', x: left + cell * c,
        y: top + cell * r, width: cell, height: cell, fill: colour(w),
        'data-row': r, 'data-col': c }));
    }));
    const axes = AXES[map.kind];
    const yTitle = svgText(12, top + cell * map.rows.length / 2, axes[0],
      'axis', 'middle');
    yTitle.setAttribute('transform', 'rotate(-90 12 '
      + (top + cell * map.rows.length / 2) + ')');
    svg.append(yTitle);
    svg.append(svgText(left + cell * map.cols.length / 2, height - 6,
      axes[1], 'axis', 'middle'));
    svg.addEventListener('mouseover', (event) => pointAt(event, map));
    svg.addEventListener('mousemove', moveTooltip);
    svg.addEventListener('mouseleave', () => { $('tooltip').hidden = true; });
    return svg;
  }

  /** The tooltip of a cell: its map, its two words and its weight. */
  function pointAt(event, map) {
    const target = event.target;
    const tooltip = $('tooltip');
    if (!target.classList.contains('cell')) {
      tooltip.hidden = true;
      return;
    }
    const r = Number(target.dataset.row);
    const c = Number(target.dataset.col);
    const w = map.weights[r][c];
    tooltip.textContent = map.title + '\n'
      + 'query ' + map.rows[r] + ' (row ' + (r + 1) + ')'
      + ' → key ' + map.cols[c] + ' (column ' + (c + 1) + ')\n'
      + 'weight ' + w.toFixed(6);
    tooltip.dataset.weight = String(w);
    tooltip.dataset.map = map.title;
    tooltip.dataset.row = String(r);
    tooltip.dataset.col = String(c);
    tooltip.hidden = false;
    moveTooltip(event);
  }

  function moveTooltip(event) {
    const tooltip = $('tooltip');
    tooltip.style.left = (event.clientX + 14) + 'px';
    tooltip.style.top = (event.clientY + 14) + 'px';
  }

  /** The one colour scale, 0 to 1. */
  function scale() {
    const svg = svgElement('svg', { width: 360, height: 40 });
    svg.append(svgText(0, 24, 'weight', ''));
    for (let i = 0; i <= 100; i++) {
      svg.append(svgElement('rect', { x: 50 + 2.5 * i, y: 8, width: 3,
        height: 18, fill: colour(i / 100) }));
    }
    for (let i = 0; i <= 4; i++) {
      svg.append(svgText(50 + 62.5 * i, 38, (i / 4).toFixed(2), '',
        'middle'));
    }
    return svg;
  }

  // --- cross-attention as lines ----------------------------------------

  /** The layer and head choices, kept when the model stays the same. */
  function fillLineChoices(answer) {
    const cross = answer.maps.filter((m) => m.kind === 'cross');
    const layers = [...new Set(cross.map((m) => m.layer))];
    const heads = [...new Set(cross.map((m) => m.head))];
    fillSelect($('lines-layer'), layers.map((l) => [l, 'layer ' + l]),
      layers[layers.length - 1]);
    fillSelect($('lines-head'), [['mean', 'mean of the heads']]
      .concat(heads.map((h) => [h, 'head ' + h])), 'mean');
  }

  function fillSelect(select, options, fallback) {
    const kept = select.value;
    select.replaceChildren();
    for (const [value, text] of options) {
      const option = element('option', '', text);
      option.value = String(value);
      select.append(option);
    }
    const values = options.map((o) => String(o[0]));
    select.value = values.includes(kept) ? kept : String(fallback);
  }

  /** Cross-attention weights (rows: French words) of the chosen head. */
  function crossWeights(answer, layer, head) {
    const maps = answer.maps.filter((m) => m.kind === 'cross'
      && m.layer === layer && (head === 'mean' || m.head === Number(head)));
    const rows = maps[0].rows;
    const weights = rows.map((_, r) => maps[0].cols.map((_, c) =>
      maps.reduce((sum, m) => sum + m.weights[r][c], 0) / maps.length));
    return { rows: rows, cols: maps[0].cols, weights: weights };
  }

  function showLines() {
    const box = $('lines-box');
    box.replaceChildren();
    if (!shown) {
      return;
    }
    const view = crossWeights(shown, Number($('lines-layer').value),
      $('lines-head').value);
    const step = 90;
    const width = 40 + step * Math.max(view.rows.length, view.cols.length);
    const svg = svgElement('svg', { width: width, height: 230 });
    const xOf = (i, n) => 20 + step / 2 + i * step
      + (step * (Math.max(view.rows.length, view.cols.length) - n)) / 2;
    const lines = [];
    view.weights.forEach((row, r) => row.forEach((w, c) => {
      const line = svgElement('line', {
        x1: xOf(r, view.rows.length), y1: 185,
        x2: xOf(c, view.cols.length), y2: 40,
        stroke: colour(Math.max(w, 0.15)), 'stroke-width': 0.5 + 9 * w,
        opacity: Math.max(w, 0.05), 'data-row': r, 'data-col': c });
      lines.push(line);
      svg.append(line);
    }));
    view.cols.forEach((word, c) => svg.append(svgText(xOf(c,
      view.cols.length), 28, word, 'source', 'middle')));
    view.rows.forEach((word, r) => {
      const label = svgText(xOf(r, view.rows.length), 205, word, 'target',
        'middle');
      label.addEventListener('mouseenter', () => lines.forEach((l) =>
        l.classList.toggle('faded', Number(l.dataset.row) !== r)));
      label.addEventListener('mouseleave', () => lines.forEach((l) =>
        l.classList.remove('faded')));
      svg.append(label);
    });
    svg.append(svgText(4, 12, 'English (keys)', 'axis'));
    svg.append(svgText(4, 226, 'French (queries)', 'axis'));
    box.append(svg);
  }

  // --- small helpers --------------------------------------------------

  function element(name, className, text) {
    const e = document.createElement(name);
    if (className) {
      e.className = className;
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function svgElement(name, attributes) {
    const e = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) {
      e.setAttribute(key, String(value));
    }
    return e;
  }

  function svgText(x, y, text, className, anchor) {
    const e = svgElement('text', { x: x, y: y });
    if (className) {
      e.setAttribute('class', className);
    }
    if (anchor) {
      e.setAttribute('text-anchor', anchor);
    }
    e.textContent = text;
    return e;
  }

  function longest(words) {
    return words.reduce((n, w) => Math.max(n, w.length), 0);
  }

  // --- start ----------------------------------------------------------

  function start(examples, beams) {
    const select = $('example');
    for (const sentence of examples) {
      const option = element('option', '', sentence);
      option.value = sentence;
      select.append(option);
    }
    for (const beam of beams) {
      const option = element('option', '', beam === 1
        ? '1 (greedy)' : String(beam));
      option.value = String(beam);
      $('beam').append(option);
    }
    select.addEventListener('change', () => {
      if (select.value) {
        $('sentence').value = select.value;
        translate();
      }
    });
    $('beam').addEventListener('change', translate);
    $('ask').addEventListener('submit', (event) => {
      event.preventDefault();
      translate();
    });
    $('lines-layer').addEventListener('change', showLines);
    $('lines-head').addEventListener('change', showLines);
    if (examples.length > 0) {
      $('sentence').value = examples[0];
      translate();
    }
  }

  if (DATA) {
    $('mode').textContent = 'A page written by explore --export: the'
      + ' answers for ' + DATA.examples.length + ' sentences are in it.'
      + ' Run explore --model DIR to type your own.';
    start(DATA.examples, DATA.beams);
  } else {
    $('mode').textContent = 'Answered live by explore --model, on this'
      + ' computer.';
    fetch('api/examples').then((r) => r.json())
      .then((body) => start(body.examples, body.beams))
      .catch((error) => showError('the server does not answer: '
        + error.message));
  }
}());
