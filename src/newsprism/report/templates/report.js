/* newsprism report: paging, filters, and evidence links.
 * It never builds markup from strings: it only shows, hides and clones elements the
 * server escaped, so article text can never become code here. */
(function () {
  'use strict';
  var doc = document;
  var root = doc.documentElement;
  var errors = 0;
  window.addEventListener('error', function () {
    errors += 1;
    root.setAttribute('data-js-errors', String(errors));
  });
  root.classList.add('js');

  function all(sel, node) { return Array.prototype.slice.call((node || doc).querySelectorAll(sel)); }
  function items(list) {
    return Array.prototype.filter.call(list.children, function (el) { return el.classList.contains('item'); });
  }
  function shown(list) {
    return items(list).filter(function (el) {
      return !el.classList.contains('filtered-out') && !el.classList.contains('kind-out');
    });
  }

  /* Paging: a .paged list shows data-page items at a time (a 1,000-article dossier stays light). */
  var pagers = [];
  function render(p) {
    var size = p.size, vis = shown(p.list);
    var pages = Math.max(1, Math.ceil(vis.length / size));
    if (p.page >= pages) { p.page = pages - 1; }
    items(p.list).forEach(function (el) { el.classList.add('off'); });
    vis.slice(p.page * size, (p.page + 1) * size).forEach(function (el) { el.classList.remove('off'); });
    p.label.textContent = 'page ' + (p.page + 1) + ' of ' + pages + ' (' + vis.length + ')';
    p.prev.disabled = p.page === 0;
    p.next.disabled = p.page >= pages - 1;
    p.bar.hidden = vis.length <= size;
  }
  function button(text) {
    var b = doc.createElement('button');
    b.type = 'button';
    b.textContent = text;
    return b;
  }
  all('.paged').forEach(function (list) {
    var p = { list: list, size: parseInt(list.getAttribute('data-page'), 10) || 25, page: 0 };
    p.bar = doc.createElement('div');
    p.bar.className = 'pager';
    p.prev = button('‹ previous');
    p.next = button('next ›');
    p.label = doc.createElement('span');
    p.bar.appendChild(p.prev);
    p.bar.appendChild(p.label);
    p.bar.appendChild(p.next);
    p.prev.addEventListener('click', function () { p.page -= 1; render(p); });
    p.next.addEventListener('click', function () { p.page += 1; render(p); });
    var anchor = list.tagName === 'TBODY' ? (list.closest('.matrix-wrap') || list.closest('table')) : list;
    anchor.parentNode.insertBefore(p.bar, anchor.nextSibling);
    list.__pager = p;
    pagers.push(p);
    render(p);
  });

  /* Bring an element on a hidden page into view: turn its list to the right page. */
  function reveal(el) {
    var node = el;
    while (node && node !== doc.body) {
      var parent = node.parentNode;
      if (parent && parent.__pager && node.classList && node.classList.contains('item')) {
        var p = parent.__pager;
        node.classList.remove('filtered-out');
        node.classList.remove('kind-out');
        var at = shown(parent).indexOf(node);
        if (at >= 0) { p.page = Math.floor(at / p.size); render(p); }
      }
      if (node.tagName === 'DETAILS') { node.open = true; }
      node = parent;
    }
  }
  function flash(el) {
    el.classList.remove('flash');
    void el.offsetWidth; // restart the animation
    el.classList.add('flash');
    window.setTimeout(function () { el.classList.remove('flash'); }, 2600);
  }
  function goTo(id) {
    var el = doc.getElementById(id);
    if (!el) { return; }
    reveal(el);
    el.scrollIntoView({ block: 'center' });
    flash(el);
    if (window.history && window.history.replaceState) { window.history.replaceState(null, '', '#' + id); }
  }

  /* Filters: a search box narrows the list named by its data-filter. */
  all('input.filter').forEach(function (input) {
    var list = doc.getElementById(input.getAttribute('data-filter'));
    if (!list) { return; }
    input.addEventListener('input', function () {
      var q = input.value.trim().toLowerCase();
      items(list).forEach(function (el) {
        el.classList.toggle('filtered-out', q !== '' && el.textContent.toLowerCase().indexOf(q) < 0);
      });
      if (list.__pager) { list.__pager.page = 0; render(list.__pager); }
    });
  });
  all('.kind-filter').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var kind = btn.getAttribute('data-kind');
      all('.kind-filter').forEach(function (b) { b.classList.toggle('on', b === btn); });
      var list = doc.getElementById('matrix-rows');
      if (!list) { return; }
      items(list).forEach(function (el) {
        el.classList.toggle('kind-out', kind !== '' && el.getAttribute('data-kind') !== kind);
      });
      if (list.__pager) { list.__pager.page = 0; render(list.__pager); }
    });
  });

  /* Articles: each lives in an inert <template> until opened. */
  var viewer = doc.getElementById('viewer');
  var current = null;
  function hasRef(el, ref) {
    return (el.getAttribute('data-refs') || '').split(' ').indexOf(ref) >= 0;
  }
  function showCards(article, refs) {
    var panel = article.querySelector('.evidence-panel');
    var store = article.querySelector('.cards');
    if (!panel || !store) { return; }
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
    refs.forEach(function (ref) {
      items_by_ref(store, ref).forEach(function (card) { panel.appendChild(card.cloneNode(true)); });
    });
    panel.hidden = !panel.firstChild;
  }
  function items_by_ref(store, ref) {
    return Array.prototype.filter.call(store.children, function (c) { return c.getAttribute('data-ref') === ref; });
  }
  function openArticle(idx, ref, scroll) {
    var tpl = doc.getElementById('tpl-' + idx);
    if (!tpl || !viewer) { return; }
    var node = doc.importNode(tpl.content, true).firstElementChild;
    while (viewer.firstChild) { viewer.removeChild(viewer.firstChild); }
    viewer.appendChild(node);
    current = node;
    all('#art-items > li').forEach(function (li) {
      li.classList.toggle('current', li.getAttribute('data-idx') === String(idx));
    });
    var li = doc.querySelector('#art-items > li[data-idx="' + idx + '"]');
    if (li) { reveal(li); }
    if (scroll) { viewer.scrollIntoView({ block: 'start' }); }
    if (ref) {
      var hits = all('[data-refs]', node).filter(function (el) { return hasRef(el, ref); });
      hits.forEach(flash);
      if (hits.length) {
        viewer.scrollTop = 0;
        hits[0].scrollIntoView({ block: 'center' });
      }
      showCards(node, [ref]);
    }
  }

  doc.addEventListener('click', function (ev) {
    var t = ev.target;
    if (!(t instanceof Element)) { return; }
    var link = t.closest('[data-art]');
    if (link && !link.closest('template')) {
      ev.preventDefault();
      openArticle(link.getAttribute('data-art'), link.getAttribute('data-ref'), true);
      return;
    }
    var go = t.closest('.goto[data-target]');
    if (go) {
      ev.preventDefault();
      goTo(go.getAttribute('data-target'));
      return;
    }
    var hl = t.closest('[data-refs]');
    if (hl && current && current.contains(hl)) {
      showCards(current, hl.getAttribute('data-refs').split(' '));
      flash(hl);
    }
  });

  /* Deep links: #art-N opens an article; any other id is brought into view, paging included. */
  var hash = window.location.hash.slice(1);
  var m = /^art-(\d+)$/.exec(hash);
  if (m) {
    openArticle(m[1], null, true);
  } else {
    if (doc.getElementById('tpl-0')) { openArticle('0', null, false); }
    var target = hash ? doc.getElementById(hash) : null;
    if (target) {
      reveal(target);
      target.scrollIntoView({ block: 'start' });
    }
  }
  doc.body.setAttribute('data-ready', '1');
}());
