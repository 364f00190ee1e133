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

  // The same folding as the generator: NFD, strip marks, đ -> d, lowercase.
  function fold(text) {
    return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
  }

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

  // Higher is better: the name itself, then its beginning, then the whole
  // phrase in it, then every word in it; a code or keyword match comes after.
  function score(name, other, phrase, words) {
    if (name === phrase) return 100;
    if (name.indexOf(phrase) === 0) return 90;
    if (startsWord(name, phrase)) return 80;
    if (other.indexOf(phrase) === 0) return 70;  // a procedure code
    if (allWords(name, words)) return 60;
    if (allWords(name + ' ' + other, words)) return 30;
    return 0;
  }

  function rank(entries, nameAt, otherAt, phrase, words) {
    return entries
      .map(function (e, i) { return { e: e, i: i, s: score(e[nameAt], otherAt < 0 ? '' : e[otherAt], phrase, words) }; })
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
    var procedures = rank(index.procedures, 4, 5, phrase, words);
    var posts = rank(index.posts, 3, -1, phrase, words);
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
