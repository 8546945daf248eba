/*
 * keukentafel: the bank's search. What is typed is cut into words and
 * each word folded and stemmed exactly as the generator did to the texts
 * (generator/text/fold.c: lower case, no accents or vowel marks, one form
 * of alef, ya and ta marbuta, Snowball stems for Dutch, Turkish and
 * Arabic, no Arabic article). The index comes in pieces, loaded as the
 * teacher types: zoek/index.js (the items, the shards), then per word the
 * shard of its first two letters, and the stemmer of the language. An
 * item is found when every word is in it: as a word form, as the start of
 * the word still being typed, or with one letter wrong in words of five
 * letters or more; titles weigh more than the text. site.js asks
 * ktSearch.find() and shows what it gives, in the order of
 * ktSearch.order().
 */
(function (global) {
	'use strict';

	var TERM_MIN = 2, TYPO_MIN = 5;
	var UNIFY = {
		'\u0649': '\u064a', '\u06cc': '\u064a', '\u0629': '\u0647',
		'\u06a9': '\u0643', '\u0671': '\u0627'
	};
	var ARTICLE = ['\u0648\u0627\u0644', '\u0628\u0627\u0644',
	    '\u0641\u0627\u0644', '\u0643\u0627\u0644', '\u0644\u0644',
	    '\u0627\u0644'];
	var stemmers = {}, pending = {}, resolve = {};
	var script = global.document && global.document.currentScript;
	var root = script ? script.src.replace(/assets\/search\.js.*$/, '') : '';

	function length(s) {
		return Array.from(s).length;
	}

	function words(text) {
		return text.match(/[\p{L}\p{M}\p{N}\u200c]+/gu) || [];
	}

	/* g_utf8_casefold's, for the letters where it is not toLowerCase's */
	function lower(word) {
		return word.toLowerCase().replace(/ß/g, 'ss').normalize('NFC')
		    .replace(/[\u0640\u064b-\u065f\u0670]/g, '');
	}

	function fold(s) {
		return s.normalize('NFD').replace(/\p{Mn}/gu, '')
		    .replace(/[\u0649\u06cc\u0629\u06a9\u0671]/g, function (c) {
			return UNIFY[c];
		});
	}

	function withoutArticle(s) {
		for (var i = 0; i < ARTICLE.length; i++)
			if (s.indexOf(ARTICLE[i]) === 0 &&
			    length(s.slice(ARTICLE[i].length)) >= TERM_MIN + 1)
				return s.slice(ARTICLE[i].length);
		return s;
	}

	/* a word's term, as text/fold.c's kt_fold_term(); stem: FALSE for
	 * the word as typed, folded but not stemmed */
	function term(word, lang, stem) {
		var s = lower(word);

		if (stem !== false && stemmers[lang])
			s = stemmers[lang](s);
		s = fold(s);
		if (lang === 'ar')
			s = withoutArticle(s);
		return length(s) >= TERM_MIN ? s : null;
	}

	function shardOf(t) {
		var bytes = new TextEncoder().encode(
		    Array.from(t).slice(0, TERM_MIN).join(''));

		return Array.from(bytes, function (b) {
			return (b < 16 ? '0' : '') + b.toString(16);
		}).join('');
	}

	/* whether a and b are one letter apart: one changed, added, left
	 * out, or two side by side swapped */
	function oneApart(a, b) {
		var i = 0, m, n;

		a = Array.from(a);
		b = Array.from(b);
		if (a.length < b.length)
			return oneApart(b.join(''), a.join(''));
		m = a.length;
		n = b.length;
		if (m - n > 1)
			return false;
		while (i < n && a[i] === b[i])
			i++;
		if (m > n)
			return a.slice(i + 1).join('') === b.slice(i).join('');
		if (i >= n - 1)
			return true;
		return a.slice(i + 1).join('') === b.slice(i + 1).join('') ||
		    (a[i] === b[i + 1] && a[i + 1] === b[i] &&
		    a.slice(i + 2).join('') === b.slice(i + 2).join(''));
	}

	/* whether t begins with q, one letter apart: the word being typed */
	function startsNearly(t, q) {
		var a = Array.from(t), n = length(q);

		return [n - 1, n, n + 1].some(function (k) {
			return k > 0 && k < a.length &&
			    oneApart(a.slice(0, k).join(''), q);
		});
	}

	function lang() {
		return global.document.documentElement.lang;
	}

	/* a script of the index (zoek/NAME.js) or the stemmer, once */
	function need(name, src) {
		if (!pending[name])
			pending[name] = new Promise(function (ok) {
				var s = global.document.createElement('script');

				resolve[name] = ok;
				s.src = src;
				/* a shard that cannot load finds nothing */
				s.onerror = function () {
					ok(null);
				};
				global.document.head.appendChild(s);
			});
		return pending[name];
	}

	function needIndex(name) {
		return need(name, root + lang() + '/zoek/' + name + '.js');
	}

	/* What a word finds: item index -> weight, the best match. */
	function matches(shard, part) {
		var found = {};

		Object.keys(shard || {}).forEach(function (t) {
			var q = 0, list = shard[t], i;

			if (t === part.term)
				q = 1;
			else if (part.last && (t.indexOf(part.term) === 0 ||
			    (part.typed && t.indexOf(part.typed) === 0)))
				q = 0.75;
			else if (part.long && (oneApart(t, part.term) ||
			    (part.last && startsNearly(t, part.term))))
				q = 0.5;
			for (i = 0; q > 0 && i < list.length; i += 2)
				found[list[i]] = Math.max(found[list[i]] || 0,
				    q * list[i + 1]);
		});
		return found;
	}

	/*
	 * The items that have every word of query: a Map of their ids to
	 * their scores, or null when there is no word long enough to search.
	 */
	function find(query) {
		var code = lang();

		/* nothing to search for yet: nothing to load */
		if (!words(query).some(function (w) {
			return term(w, code, false);
		}))
			return Promise.resolve(null);
		return needIndex('index').then(function (index) {
			var ready = index && index.stem ? need('stem:' + code,
			    root + 'assets/stem/' + code + '.js') : null;

			return Promise.resolve(ready).then(function () {
				return search(index, code, query);
			});
		});
	}

	function search(index, code, query) {
		var parts = [], ws = words(query);

		ws.forEach(function (w, i) {
			var t = term(w, code), typed = term(w, code, false);

			if (t)
				parts.push({ term: t, typed: typed,
				    last: i === ws.length - 1,
				    long: length(typed || t) >= TYPO_MIN });
		});
		if (!index || parts.length === 0)
			return Promise.resolve(parts.length ? new Map() : null);
		return Promise.all(parts.map(function (p) {
			var names = [shardOf(p.term)];

			if (p.typed && shardOf(p.typed) !== names[0])
				names.push(shardOf(p.typed));
			return Promise.all(names.filter(function (n) {
				return index.shards.indexOf(n) >= 0;
			}).map(needIndex)).then(function (shards) {
				var all = {};

				shards.forEach(function (s) {
					var m = matches(s, p);

					Object.keys(m).forEach(function (k) {
						all[k] = Math.max(all[k] || 0, m[k]);
					});
				});
				return all;
			});
		})).then(function (each) {
			var scores = new Map();

			Object.keys(each[0]).forEach(function (k) {
				var sum = 0;

				if (each.every(function (m) {
					sum += m[k] || 0;
					return k in m;
				}))
					scores.set(index.ids[k], sum);
			});
			return scores;
		});
	}

	/* The cards of each list by score, or as they came when found is
	 * null. */
	function order(results, found) {
		results.querySelectorAll('ul.cards').forEach(function (ul) {
			var cards = Array.from(ul.children);

			cards.forEach(function (c, i) {
				if (c.dataset.order === undefined)
					c.dataset.order = i;
			});
			cards.sort(function (a, b) {
				var sa = found ? found.get(a.dataset.id) || 0 : 0;
				var sb = found ? found.get(b.dataset.id) || 0 : 0;

				return sb - sa || a.dataset.order - b.dataset.order;
			});
			cards.forEach(function (c) {
				ul.appendChild(c);
			});
		});
	}

	global.ktSearch = {
		find: find,
		order: order,
		term: term,
		words: words,
		oneApart: oneApart,
		/* called by the scripts of the index and the stemmers */
		load: function (code, name, value) {
			if (global.document && code !== lang())
				return;
			if (resolve[name])
				resolve[name](value);
		},
		stemmer: function (code, fn) {
			stemmers[code] = fn;
			if (resolve['stem:' + code])
				resolve['stem:' + code](fn);
		}
	};
}(typeof window !== 'undefined' ? window : globalThis));
