// Tìm kiếm ngay trên trang, không cần mạng: đọc chỉ mục tim-kiem/chi-muc.js
// (tạo khi dựng trang) và so khớp không dấu, không phân biệt hoa thường.
// Searches the build-time index offline; works from file:// too.
(function () {
  'use strict';
  var index = window.CK_SEARCH_INDEX;
  var status = document.getElementById('ket-qua-tim');
  var results = document.getElementById('danh-sach-tim');
  var input = document.getElementById('tu-khoa');
  if (!index || !status || !results || !input) return;

  // The same folding as the generator: NFD, strip marks, đ -> d, lowercase;
  // then y -> i, since people write "ki" for "ký" (and "ly" for "lý").
  function fold(text) {
    return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/y/g, 'i');
  }

  // Each procedure's keywords, folded by the generator, apart.
  index.procedures.forEach(function (e) {
    e.keywords = (e[6] || '').split('|').filter(Boolean);
  });

  // True when `word` starts a word of `text` (so "sinh" finds "khai sinh"
  // but "an" does not find every "than").
  function startsWord(text, word) {
    for (var at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
      if (at === 0 || !/[a-z0-9]/.test(text.charAt(at - 1))) return true;
    }
    return false;
  }

  function allWords(text, words) {
    return words.every(function (w) { return startsWord(text, w); });
  }

  // A query typed without spaces ("khaisinh"): true when it spells the
  // words of `text` from the start of one of them, spaces left out.
  function joinedWords(text, joined) {
    var words = text.split(/[^a-z0-9]+/).filter(Boolean);
    for (var i = 0; i < words.length; i++) {
      var rest = words.slice(i).join('');
      if (rest.indexOf(joined) === 0) return true;
    }
    return false;
  }

  // How many of the query's words start a word of `text`.
  function countWords(text, words) {
    return words.filter(function (w) { return startsWord(text, w); }).length;
  }

  // Higher is better: the name itself, a keyword itself (an everyday name
  // such as "sổ đỏ"), the name's beginning, the phrase in the name or in a
  // keyword, a code, every word in the name, then in the rest; then the
  // query read without its spaces; last, most of its words.
  function score(name, other, keywords, phrase, words) {
    if (name === phrase) return 100;
    if (keywords.indexOf(phrase) !== -1) return 95;
    if (name.indexOf(phrase) === 0) return 90;
    if (startsWord(name, phrase)) return 80;
    if (keywords.some(function (k) { return startsWord(k, phrase); })) return 75;
    if (other.indexOf(phrase) === 0) return 70;  // a procedure code
    if (allWords(name, words)) return 60;
    if (keywords.some(function (k) { return allWords(k, words); })) return 55;
    if (allWords(name + ' ' + other, words)) return 30;
    var joined = phrase.replace(/ /g, '');
    if (joined.length >= 4 && joinedWords(name, joined)) return 25;
    if (joined.length >= 4 && keywords.some(function (k) { return joinedWords(k, joined); })) return 20;
    return 0;
  }

  // When nothing holds every word ("giay khai sinh cho con"): the entries
  // holding at least half of them, most first; a keyword the query holds
  // whole ("lam so do" holds "so do") counts most.
  function partial(e, nameAt, otherAt, phrase, words) {
    var long = words.filter(function (w) { return w.length > 1; });
    if (long.length < 2) return 0;
    var best = countWords(e[nameAt], long);
    (e.keywords || []).forEach(function (k) {
      var held = startsWord(phrase, k) && (phrase + ' ').indexOf(k + ' ') !== -1 ? 3 : 0;
      best = Math.max(best, countWords(k, long) + held);
    });
    var all = countWords(e[nameAt] + ' ' + (otherAt < 0 ? '' : e[otherAt]), long);
    return all * 2 >= long.length ? best * 2 + all : 0;
  }

  function rank(entries, nameAt, otherAt, phrase, words, loosely) {
    return entries
      .map(function (e, i) {
        var s = loosely ? partial(e, nameAt, otherAt, phrase, words)
          : score(e[nameAt], otherAt < 0 ? '' : e[otherAt], e.keywords || [], phrase, words);
        return { e: e, i: i, s: s };
      })
      .filter(function (r) { return r.s > 0; })
      .sort(function (a, b) { return b.s - a.s || a.e[0].length - b.e[0].length || a.i - b.i; })
      .map(function (r) { return r.e; });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // The form's action is "<root>tim-kiem/index.html"; result URLs are relative to the root.
  var root = document.querySelector('form.search').getAttribute('action').replace(/tim-kiem\/(index\.html)?$/, '');

  function list(heading, entries, extra) {
    var section = el('section');
    section.appendChild(el('h2', '', heading + ' (' + entries.length + ')'));
    var ol = el('ol', 'search-results');
    entries.forEach(function (e) {
      var li = el('li');
      var a = el('a', '', e[0]);
      // Opened from disk, a folder shows a file listing, so name the page itself.
      a.href = root + e[1] + (window.location.protocol === 'file:' && /\/$/.test(e[1]) ? 'index.html' : '');
      li.appendChild(a);
      var note = extra(e);
      if (note) li.appendChild(el('span', 'code', ' ' + note));
      ol.appendChild(li);
    });
    section.appendChild(ol);
    return section;
  }

  function show(query) {
    var phrase = fold(query).trim().replace(/\s+/g, ' ');
    results.textContent = '';
    if (!phrase) {
      status.textContent = '';
      return;
    }
    var words = phrase.split(' ');
    var procedures = rank(index.procedures, 4, 5, phrase, words, false);
    var posts = rank(index.posts, 3, -1, phrase, words, false);
    if (!procedures.length && !posts.length) {
      procedures = rank(index.procedures, 4, 5, phrase, words, true);
      posts = rank(index.posts, 3, -1, phrase, words, true);
    }
    var count = procedures.length + posts.length;
    var template = count ? status.dataset.found : status.dataset.none;
    status.textContent = template.replace('{n}', String(count)).replace('{q}', query.trim());
    if (procedures.length) {
      results.appendChild(list(results.dataset.procedures, procedures, function (e) {
        return [e[2], e[3]].filter(Boolean).join(' · ');
      }));
    }
    if (posts.length) results.appendChild(list(results.dataset.news, posts, function (e) { return e[2]; }));
  }

  var timer = 0;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { show(input.value); }, 150);
  });
  var initial = new URLSearchParams(window.location.search).get('q');
  if (initial) {
    input.value = initial;
    show(initial);
  }
}());
