/*
 * keukentafel: the bank's filters and search, and the read-aloud button.
 * Everything works without this file (facet values are pages of their
 * own); with it, the facets become checkboxes that filter the cards in
 * place by the values each card carries (data-f), the chosen ones show
 * as removable chips above the results, a search box finds words in
 * every item, and the choices live in the address (replaced, not
 * pushed), so a link can be shared and Back leaves the bank.
 */
(function () {
	'use strict';

	/* the text for n results: the form of the page's language for n
	 * (data-template-one, -few, ...), else data-template */
	function plural(el, n) {
		var form = window.Intl && Intl.PluralRules ?
		    new Intl.PluralRules(document.documentElement.lang).select(n) :
		    'other';
		return el.getAttribute('data-template-' + form) ||
		    el.dataset.template;
	}

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

	/*
	 * The cards a search finds (search.js, from the index's shards): a
	 * Map of their ids to their scores, or null when the query has no
	 * word to search for (or the search script is missing).
	 */
	function search(query) {
		if (window.ktSearch && window.ktSearch.find)
			return window.ktSearch.find(query);
		return Promise.resolve(null);
	}

	/* A card's facet values, from data-f="leerjaar:1 soort:tips". */
	function cardFacets(card) {
		var f = {};

		(card.dataset.f || '').split(' ').filter(Boolean).forEach(
		    function (pair) {
			var at = pair.indexOf(':');
			var name = pair.slice(0, at);

			(f[name] = f[name] || []).push(pair.slice(at + 1));
		});
		return f;
	}

	function bank() {
		var results = document.getElementById('results');
		var cards = [], chosen = {}, boxes = {}, legends = {};
		var without = {}, found = null, query = '';
		var status, form, input, clear, chips, panel, shownChosen;
		var saving = 0;

		if (!results)
			return;
		results.querySelectorAll('.card[data-id]').forEach(function (c) {
			cards.push({ el: c, id: c.dataset.id, f: cardFacets(c),
			    ty: (c.dataset.ty || '').split(' ').filter(Boolean) });
		});
		status = results.querySelector('.result-count');
		panel = document.querySelector('.filters-panel');

		/* each facet's links become checkboxes in a fieldset */
		document.querySelectorAll('.facet[data-facet]').forEach(
		    function (section) {
			var name = section.dataset.facet;
			var fieldset = document.createElement('fieldset');
			var legend = document.createElement('legend');
			var note = section.querySelector('.facet-note');

			legend.textContent = section.querySelector('h3').textContent;
			legends[name] = legend.textContent;
			without[name] = (section.dataset.without || '').split(' ');
			fieldset.appendChild(legend);
			if (note) {
				note.id = 'note-' + name;
				fieldset.setAttribute('aria-describedby', note.id);
				fieldset.appendChild(note);
			}
			chosen[name] = [];
			boxes[name] = [];
			section.querySelectorAll('a[data-value]').forEach(function (a) {
				var id = 'f-' + name + '-' + a.dataset.value;
				var row = document.createElement('div');
				var box = document.createElement('input');
				var label = document.createElement('label');
				var text = a.querySelector('.label');

				row.className = 'option';
				box.type = 'checkbox';
				box.id = id;
				box.name = name;
				box.value = a.dataset.value;
				label.htmlFor = id;
				if (a.lang) {
					text.lang = a.lang;
					text.dir = a.dir;
				}
				label.appendChild(text);
				label.appendChild(a.querySelector('.count'));
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
					update();
				});
				boxes[name].push(box);
			});
			section.replaceChildren(fieldset);
		});

		form = results.querySelector('form.search');
		input = document.getElementById('q');
		if (form) {
			form.hidden = false;
			form.addEventListener('submit', function (e) {
				e.preventDefault();
			});
			input.addEventListener('input', function () {
				query = input.value;
				search(query).then(function (ids) {
					if (query === input.value) {
						found = ids;
						update();
					}
				});
			});
		}
		/* the chosen filters, each a button that removes it */
		chips = document.createElement('ul');
		chips.className = 'chips';
		chips.setAttribute('aria-label', status.dataset.chosen);
		status.after(chips);
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
			if (input)
				input.value = '';
			sync();
			update();
		});
		if (panel) {
			shownChosen = document.createElement('span');
			shownChosen.className = 'chosen-count';
			panel.querySelector('summary').appendChild(shownChosen);
		}

		/*
		 * Years per school type (data-ty "vmbo-basis:4"): a chosen
		 * type and a chosen year must go together. skip and value:
		 * the facet being counted, with that one value chosen.
		 */
		function together(card, skip, value) {
			var types = skip === 'onderwijstype' ? [value] :
			    chosen.onderwijstype || [];
			var years = skip === 'leerjaar' ? [value] :
			    chosen.leerjaar || [];

			if (card.ty.length === 0 || types.length === 0 ||
			    years.length === 0)
				return true;
			return card.ty.some(function (pair) {
				var at = pair.lastIndexOf(':');

				return types.indexOf(pair.slice(0, at)) >= 0 &&
				    years.indexOf(pair.slice(at + 1)) >= 0;
			});
		}

		/* A card without a value for a facet is not filtered by it. */
		function passes(card, skip, value) {
			for (var f in chosen) {
				var mine = card.f[f] || [];

				if (f === skip || chosen[f].length === 0 ||
				    mine.length === 0)
					continue;
				if (!mine.some(function (v) {
					return chosen[f].indexOf(v) >= 0;
				}))
					return false;
			}
			if (!together(card, skip, value))
				return false;
			return found === null || found.has(card.id);
		}

		function chip(f, value, text) {
			var li = document.createElement('li');
			var b = document.createElement('button');

			b.type = 'button';
			b.className = 'chip';
			b.textContent = legends[f] + ': ' + text;
			b.setAttribute('aria-label',
			    status.dataset.remove.replace('{label}', b.textContent));
			b.addEventListener('click', function () {
				chosen[f].splice(chosen[f].indexOf(value), 1);
				sync();
				update();
				(chips.querySelector('button') || status).focus();
			});
			li.appendChild(b);
			chips.appendChild(li);
		}

		function showChips() {
			var n = 0;

			chips.replaceChildren();
			Object.keys(chosen).forEach(function (f) {
				chosen[f].forEach(function (v) {
					var box = document.getElementById('f-' + f + '-' + v);

					chip(f, v, box ? box.labels[0].querySelector(
					    '.label').textContent : v);
					n++;
				});
			});
			if (n > 0 || query) {
				var li = document.createElement('li');
				li.appendChild(clear);
				chips.appendChild(li);
			}
			chips.hidden = n === 0 && !query;
			if (shownChosen)
				shownChosen.textContent = n > 0 ? ' (' + n + ')' : '';
		}

		/* "not filtered by school type" where a facet does not apply */
		function notes() {
			results.querySelectorAll('section.listing').forEach(
			    function (s) {
				var kind = s.dataset.kind;
				var skipped = Object.keys(chosen).filter(function (f) {
					return chosen[f].length > 0 &&
					    without[f].indexOf(kind) >= 0;
				}).map(function (f) { return legends[f]; });
				var note = s.querySelector('.listing-note');

				if (skipped.length === 0) {
					if (note)
						note.remove();
					return;
				}
				if (!note) {
					note = document.createElement('p');
					note.className = 'listing-note';
					s.querySelector('h2').after(note);
				}
				note.textContent = status.dataset.notfor.replace(
				    '{facets}', skipped.join(
				    document.dir === 'rtl' ? '، ' : ', '));
			});
		}

		function update() {
			var shown = 0;

			cards.forEach(function (card) {
				var ok = passes(card, null);

				card.el.hidden = !ok;
				if (ok)
					shown++;
			});
			/* the best matches of a search first */
			if (window.ktSearch && window.ktSearch.order)
				window.ktSearch.order(results, found);
			/* each kind says how many of it are shown */
			results.querySelectorAll('section.listing').forEach(
			    function (s) {
				var n = s.querySelectorAll('.card:not([hidden])').length;
				var h = s.querySelector('h2');
				var c = h.querySelector('.listing-count');

				s.hidden = n === 0;
				if (!c) {
					c = document.createElement('span');
					c.className = 'listing-count';
					h.append(' ', c);
				}
				c.textContent = '(' + n + ')';
			});
			/* what each choice would give with the others as they are */
			Object.keys(boxes).forEach(function (f) {
				boxes[f].forEach(function (box) {
					var n = cards.filter(function (card) {
						return (card.f[f] || []).indexOf(box.value) >= 0 &&
						    passes(card, f, box.value);
					}).length;
					box.labels[0].querySelector('.count').textContent = n;
				});
			});
			status.textContent = shown > 0 ?
			    plural(status, shown).replace('{n}', shown) :
			    status.dataset.none;
			showChips();
			notes();
			remember();
		}

		/*
		 * The choices in the address, and the scroll position in the
		 * history entry: replaced, never pushed, so one Back leaves
		 * the bank, and Back from an item finds the list as it was.
		 */
		function address() {
			var params = new URLSearchParams();

			if (query)
				params.set('q', query);
			Object.keys(chosen).forEach(function (f) {
				if (chosen[f].length > 0)
					params.set(f, chosen[f].join(','));
			});
			return location.pathname + (params.toString() ?
			    '?' + params.toString() : '') + location.hash;
		}

		function remember() {
			try {
				history.replaceState({ y: window.scrollY }, '',
				    address());
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
			if (input)
				input.value = query;
		}

		function fromAddress() {
			var params = new URLSearchParams(location.search);
			var y = history.state && history.state.y;

			Object.keys(chosen).forEach(function (f) {
				var v = params.get(f);
				chosen[f] = v ? v.split(',') : [];
			});
			query = params.get('q') || '';
			sync();
			return search(query).then(function (ids) {
				found = ids;
				update();
				if (y)
					window.scrollTo(0, y);
			});
		}

		if ('scrollRestoration' in history)
			history.scrollRestoration = 'manual';
		window.addEventListener('scroll', function () {
			clearTimeout(saving);
			saving = setTimeout(remember, 150);
		});
		window.addEventListener('pagehide', remember);
		fromAddress();
	}

	/* index.js comes later in the page: wait for it */
	document.addEventListener('DOMContentLoaded', function () {
		readAloud();
		bank();
	});
}());
