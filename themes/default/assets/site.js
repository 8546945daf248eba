/*
 * keukentafel: the bank's filters and search, and the read-aloud button.
 * Everything works without this file (facet values are pages of their
 * own); with it, the facets become checkboxes that filter the list in
 * place, a search box finds words in every item (from index.js), and the
 * choices live in the address, so a link can be shared and Back works.
 */
(function () {
	'use strict';

	function readAloud() {
		var button = document.querySelector('[data-read-aloud]');
		var lang = document.documentElement.lang;

		if (!button || !('speechSynthesis' in window))
			return;
		function voice() {
			return window.speechSynthesis.getVoices().some(function (v) {
				return v.lang.toLowerCase().indexOf(lang) === 0;
			});
		}
		function show() {
			button.hidden = !voice();
		}
		show();
		window.speechSynthesis.addEventListener('voiceschanged', show);
		button.addEventListener('click', function () {
			var synth = window.speechSynthesis, target, u;

			if (synth.speaking) {
				synth.cancel();
				return;
			}
			target = document.getElementById(
			    button.getAttribute('aria-controls'));
			u = new SpeechSynthesisUtterance(target.innerText);
			u.lang = lang;
			u.onend = u.onerror = function () {
				button.textContent = button.dataset.label;
				button.setAttribute('aria-pressed', 'false');
			};
			button.textContent = button.dataset.stop;
			button.setAttribute('aria-pressed', 'true');
			synth.speak(u);
		});
	}

	function bank() {
		var results = document.getElementById('results');
		var index = window.ktIndex;
		var cards = {}, chosen = {}, boxes = {};
		var query = '', status, form, input, clear, facets;
		var found = null;	/* what search.js found for the query */

		if (!results || !index)
			return;
		results.querySelectorAll('.card[data-id]').forEach(function (c) {
			cards[c.dataset.id] = c;
		});
		status = results.querySelector('.result-count');
		facets = document.querySelectorAll('.facet[data-facet]');

		/* each facet's links become checkboxes in a fieldset */
		facets.forEach(function (section) {
			var name = section.dataset.facet;
			var fieldset = document.createElement('fieldset');
			var legend = document.createElement('legend');

			legend.textContent = section.querySelector('h3').textContent;
			fieldset.appendChild(legend);
			chosen[name] = [];
			boxes[name] = [];
			section.querySelectorAll('a[data-value]').forEach(function (a) {
				var id = 'f-' + name + '-' + a.dataset.value;
				var row = document.createElement('div');
				var box = document.createElement('input');
				var label = document.createElement('label');
				var text = document.createElement('span');
				var count = document.createElement('span');

				row.className = 'option';
				box.type = 'checkbox';
				box.id = id;
				box.name = name;
				box.value = a.dataset.value;
				label.htmlFor = id;
				text.className = 'label';
				text.textContent = a.querySelector('.label').textContent;
				if (a.lang) {
					text.lang = a.lang;
					text.dir = a.dir;
				}
				count.className = 'count';
				count.textContent = a.querySelector('.count').textContent;
				label.appendChild(text);
				label.appendChild(count);
				row.appendChild(box);
				row.appendChild(label);
				fieldset.appendChild(row);
				box.addEventListener('change', function () {
					var list = chosen[name];
					var at = list.indexOf(box.value);

					if (box.checked && at < 0)
						list.push(box.value);
					if (!box.checked && at >= 0)
						list.splice(at, 1);
					update(false);
				});
				boxes[name].push(box);
			});
			section.replaceChildren(fieldset);
		});

		form = document.querySelector('form.search');
		input = document.getElementById('q');
		form.hidden = false;
		form.addEventListener('submit', function (e) {
			e.preventDefault();
		});
		input.addEventListener('input', function () {
			query = input.value;
			search(true);
		});
		clear = document.createElement('button');
		clear.type = 'button';
		clear.className = 'clear';
		clear.textContent = status.dataset.clear;
		clear.addEventListener('click', function () {
			Object.keys(chosen).forEach(function (f) {
				chosen[f] = [];
			});
			query = '';
			found = null;
			input.value = '';
			sync();
			update(false);
		});
		form.after(clear);

		/*
		 * Years per school type (item.ty: "vmbo-basis:4"): a chosen
		 * type and a chosen year must go together. skip and value:
		 * the facet being counted, with that one value chosen.
		 */
		function together(item, skip, value) {
			var types = skip === 'onderwijstype' ? [value] :
			    chosen.onderwijstype || [];
			var years = skip === 'leerjaar' ? [value] :
			    chosen.leerjaar || [];

			if (!item.ty || types.length === 0 || years.length === 0)
				return true;
			return item.ty.some(function (pair) {
				var at = pair.lastIndexOf(':');

				return types.indexOf(pair.slice(0, at)) >= 0 &&
				    years.indexOf(pair.slice(at + 1)) >= 0;
			});
		}

		function passes(item, skip, value) {
			var f;

			for (f in chosen) {
				if (f === skip || chosen[f].length === 0)
					continue;
				if (!item.f[f].some(function (v) {
					return chosen[f].indexOf(v) >= 0;
				}))
					return false;
			}
			if (!together(item, skip, value))
				return false;
			return !found || found.has(item.id);
		}

		/* the query's items from search.js, then the list */
		function search(typing) {
			var asked = query;

			if (!window.ktSearch) {
				update(typing);
				return;
			}
			window.ktSearch.find(query).then(function (r) {
				if (asked !== query)
					return;	/* a later query is on its way */
				found = r;
				update(typing);
			});
		}

		function update(typing) {
			var shown = 0, params = new URLSearchParams(), url;

			index.forEach(function (item) {
				var ok = passes(item, null);

				if (cards[item.id])
					cards[item.id].hidden = !ok;
				if (ok)
					shown++;
			});
			if (window.ktSearch)
				window.ktSearch.order(results, found);
			results.querySelectorAll('section.listing').forEach(
			    function (s) {
				s.hidden = !s.querySelector('.card:not([hidden])');
			});
			/* what each choice would give with the others as they are */
			Object.keys(boxes).forEach(function (f) {
				boxes[f].forEach(function (box) {
					var n = index.filter(function (item) {
						return item.f[f].indexOf(box.value) >= 0 &&
						    passes(item, f, box.value);
					}).length;
					box.labels[0].querySelector('.count').textContent = n;
				});
			});
			status.textContent = shown > 0 ?
			    status.dataset.template.replace('{n}', shown) :
			    status.dataset.none;
			clear.hidden = !query && !Object.keys(chosen).some(
			    function (f) { return chosen[f].length > 0; });
			if (query)
				params.set('q', query);
			Object.keys(chosen).forEach(function (f) {
				if (chosen[f].length > 0)
					params.set(f, chosen[f].join(','));
			});
			url = location.pathname + (params.toString() ?
			    '?' + params.toString() : '');
			try {
				if (typing)
					history.replaceState(null, '', url);
				else if (url !== location.pathname + location.search)
					history.pushState(null, '', url);
			} catch (e) {
				/* some browsers refuse this on file:// pages */
			}
		}

		/* the checkboxes and the search box as the state says */
		function sync() {
			Object.keys(boxes).forEach(function (f) {
				boxes[f].forEach(function (box) {
					box.checked = chosen[f].indexOf(box.value) >= 0;
				});
			});
			input.value = query;
		}

		function fromAddress() {
			var params = new URLSearchParams(location.search);

			Object.keys(chosen).forEach(function (f) {
				var v = params.get(f);
				chosen[f] = v ? v.split(',') : [];
			});
			query = params.get('q') || '';
			sync();
			search(true);
		}

		window.addEventListener('popstate', fromAddress);
		fromAddress();
	}

	/* index.js comes later in the page: wait for it */
	document.addEventListener('DOMContentLoaded', function () {
		readAloud();
		bank();
	});
}());
