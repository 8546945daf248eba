/*
 * Counting for readability. Words are runs of letters and digits between
 * blanks, trimmed of punctuation; a sentence ends at terminal punctuation
 * or a line end (steps and questions are written one to a line).
 */
#include "text/readability.h"

#include <hyphen.h>
#include <stdlib.h>
#include <string.h>

struct kt_counter {
	char *dir;
	GHashTable *dicts;	/* lang -> HyphenDict *, or a sentinel */
	GHashTable *known;	/* "lang word" -> syllables, counted before */
	GMutex lock;
};

/* words are counted once: texts repeat them, and libhyphen allocates */
#define KNOWN_MAX 65536

static int no_dict;		/* sentinel: looked for, not there */

struct kt_counter *
kt_counter_new(const char *hyphen_dir)
{
	struct kt_counter *c = g_new0(struct kt_counter, 1);

	c->dir = g_strdup(hyphen_dir);
	c->dicts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	c->known = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	g_mutex_init(&c->lock);
	return c;
}

static void
free_dict(gpointer key, gpointer value, gpointer data)
{
	(void)key;
	(void)data;
	if (value != &no_dict)
		hnj_hyphen_free(value);
}

void
kt_counter_free(struct kt_counter *c)
{
	if (c == NULL)
		return;
	g_hash_table_foreach(c->dicts, free_dict, NULL);
	g_hash_table_destroy(c->dicts);
	g_hash_table_destroy(c->known);
	g_mutex_clear(&c->lock);
	g_free(c->dir);
	g_free(c);
}

/*
 * Debian's Dutch patterns follow the syllables (Dutch hyphenation is by
 * syllable). The English ones mark hyphenation points, not syllables
 * ("to-gether"), so English uses the rule below instead.
 */
static HyphenDict *
dict_for(struct kt_counter *c, const char *lang)
{
	HyphenDict *d;

	if (strcmp(lang, "nl") != 0)
		return NULL;
	g_mutex_lock(&c->lock);
	d = g_hash_table_lookup(c->dicts, lang);
	if (d == NULL) {
		char *path = g_strdup_printf("%s/hyph_nl_NL.dic", c->dir);
		d = hnj_hyphen_load(path);
		g_hash_table_insert(c->dicts, g_strdup(lang),
		    d != NULL ? (gpointer)d : (gpointer)&no_dict);
		g_free(path);
	}
	g_mutex_unlock(&c->lock);
	return d == (HyphenDict *)&no_dict ? NULL : d;
}

static gboolean
is_vowel(const char *lang, gunichar u)
{
	static const char *const vowels[][2] = {
		{ "nl", "aeiouyáéíóúäëïöüèàâêîôû" },
		{ "en", "aeiouy" },
		{ "tr", "aeıioöuü" },
		{ "pl", "aąeęioóuy" },
		{ "uk", "аеєиіїоуюя" },
		{ "so", "aeiou" },
	};
	char buf[8];

	buf[g_unichar_to_utf8(g_unichar_tolower(u), buf)] = '\0';
	for (size_t i = 0; i < G_N_ELEMENTS(vowels); i++)
		if (strcmp(vowels[i][0], lang) == 0)
			return strstr(vowels[i][1], buf) != NULL;
	return FALSE;
}

/*
 * Groups of vowels, or each vowel alone where every vowel is a syllable.
 * A vowel with a diaeresis (ë, ï) starts a new group: that is what the
 * mark is for (ide-eën, geïnteresseerd).
 */
static int
vowel_count(const char *lang, const char *word, gboolean groups)
{
	int n = 0;
	gboolean prev = FALSE;

	for (const char *p = word; *p; p = g_utf8_next_char(p)) {
		gunichar u = g_utf8_get_char(p);
		gboolean v = is_vowel(lang, u);
		gboolean diaeresis = u == 0xEB || u == 0xEF || u == 0xF6 ||
		    u == 0xFC || u == 0xE4;

		if (v && (!groups || !prev || (diaeresis &&
		    strcmp(lang, "nl") == 0)))
			n++;
		prev = v;
	}
	return n;
}

/*
 * The Dutch patterns are in ISO-8859-1: its code points are Unicode's
 * first 256, so the word converts letter by letter; NULL when a letter is
 * outside it. (g_convert() would open an iconv descriptor per word.)
 */
static char *
to_latin1(const char *utf8, gsize *len)
{
	char *out = g_malloc(strlen(utf8) + 1);
	gsize n = 0;

	for (const char *p = utf8; *p; p = g_utf8_next_char(p)) {
		gunichar u = g_utf8_get_char(p);

		if (u > 0xFF) {
			g_free(out);
			return NULL;
		}
		out[n++] = (char)u;
	}
	out[n] = '\0';
	*len = n;
	return out;
}

/*
 * Abbreviations as Dutch speakers say them: most are spelled, a syllable
 * a letter (ve-em-be-o), a few are said as a word (ha-vo). A word in
 * capitals that is not listed here is spelled (LOB: el-o-be).
 */
static const struct {
	const char *word;
	int syllables;
} spoken[] = {
	{ "vmbo", 4 },	/* ve-em-be-o */
	{ "mbo", 3 },	/* em-be-o */
	{ "hbo", 3 },	/* ha-be-o */
	{ "vwo", 3 },	/* ve-we-o */
	{ "wo", 2 },	/* we-o */
	{ "cv", 2 },	/* see-vee */
	{ "ict", 3 },	/* ie-see-tee */
	{ "havo", 2 },	/* ha-vo: said as a word, in capitals too */
};

static int count_word(struct kt_counter *, const char *lang,
    const char *word);

/* The syllables of a part of a word that is an abbreviation, or 0. */
static int
abbreviation(const char *part)
{
	int letters = (int)g_utf8_strlen(part, -1);
	char *low = g_utf8_strdown(part, -1);
	int n = 0;

	for (size_t i = 0; i < G_N_ELEMENTS(spoken) && n == 0; i++)
		if (strcmp(low, spoken[i].word) == 0)
			n = spoken[i].syllables;
	g_free(low);
	if (n > 0 || letters < 2)
		return n;
	for (const char *p = part; *p; p = g_utf8_next_char(p))
		if (!g_unichar_isupper(g_utf8_get_char(p)))
			return 0;
	return letters;
}

/*
 * A Dutch word with an abbreviation in it: "LOB", "mbo-opleiding",
 * "havo/vwo", "cv's". Each part between - / and ' is counted on its own,
 * an "s" after the abbreviation as none (see-vees). 0 when no part is an
 * abbreviation: the word is counted as a whole.
 */
static int
count_abbreviated(struct kt_counter *c, const char *word)
{
	GString *w = g_string_new(word);
	char **parts;
	int n = 0;
	gboolean found = FALSE;

	g_string_replace(w, "\xe2\x80\x99", "'", 0);	/* ’ */
	parts = g_strsplit_set(w->str, "-/'", -1);
	for (int i = 0; parts[i] != NULL; i++)
		found = found || abbreviation(parts[i]) > 0;
	for (int i = 0; found && parts[i] != NULL; i++) {
		int a = abbreviation(parts[i]);

		if (a > 0)
			n += a;
		else if (*parts[i] != '\0' && strcmp(parts[i], "s") != 0)
			n += count_word(c, "nl", parts[i]);
	}
	g_strfreev(parts);
	g_string_free(w, TRUE);
	return n;
}

/*
 * The rules, by language:
 *   nl  abbreviations as they are spoken, by the list above; else
 *       libhyphen with hyph_nl_NL: pieces between hyphenation points,
 *       but never fewer than the groups of vowels: the patterns keep a
 *       lone first vowel with the next syllable (o-ver), and the groups
 *       alone would join koe-ien
 *       (a vowel-group count alone when the dictionary is missing)
 *   en  groups of vowels (a e i o u y), less a silent final e (not in
 *       "-le": "table" has two), at least one
 *   tr  one syllable per vowel: Turkish has no diphthongs
 *   uk  one per vowel letter, likewise
 *   pl, so  groups of vowels ("nie", "aabbe": one nucleus per group)
 *   ar, ti  not counted: the script writes no vowels, or a syllable per
 *       letter; these languages get letters per word instead
 * Numbers count as one syllable.
 */
static int
count_word(struct kt_counter *c, const char *lang, const char *word)
{
	char *low = g_utf8_strdown(word, -1);
	size_t n = strlen(low);
	int count = 0;
	HyphenDict *d;

	if (g_unichar_isdigit(g_utf8_get_char(low))) {
		g_free(low);
		return 1;
	}
	/* no syllable rules for these scripts, whatever the language
	 * (Arabic, Dari, Tigrinya...) */
	switch (g_unichar_get_script(g_utf8_get_char(low))) {
	case G_UNICODE_SCRIPT_ARABIC:
	case G_UNICODE_SCRIPT_ETHIOPIC:
		g_free(low);
		return -1;
	default:
		break;
	}
	if (strcmp(lang, "nl") == 0 && (count = count_abbreviated(c,
	    word)) > 0) {
		g_free(low);
		return count;
	}
	if (strcmp(lang, "nl") == 0 && (d = dict_for(c, lang)) != NULL) {
		gsize len;
		char *latin = to_latin1(low, &len);

		if (latin != NULL && len > 0) {
			char *hy = g_malloc0(len + 5), *hw = g_malloc0(2 * len +
			    10);
			char **rep = NULL;
			int *pos = NULL, *cut = NULL;

			hnj_hyphen_hyphenate3(d, latin, (int)len, hy, hw, &rep,
			    &pos, &cut, 1, 1, 1, 1);
			count = 1;
			for (gsize i = 0; i < len; i++)
				if (hy[i] & 1)
					count++;
			if (rep != NULL) {
				for (gsize i = 0; i < len; i++)
					free(rep[i]);
				free(rep);
				free(pos);
				free(cut);
			}
			g_free(hy);
			g_free(hw);
		}
		g_free(latin);
		if (count > 0) {
			count = MAX(count, vowel_count(lang, low, TRUE));
			g_free(low);
			return count;
		}
	}
	if (strcmp(lang, "en") == 0) {
		count = vowel_count(lang, low, TRUE);
		if (n > 2 && low[n - 1] == 'e' && count > 1 &&
		    !(low[n - 2] == 'l' && !is_vowel(lang, (gunichar)low[n - 3])))
			count--;
	} else if (strcmp(lang, "tr") == 0 || strcmp(lang, "uk") == 0) {
		count = vowel_count(lang, low, FALSE);
	} else {
		count = vowel_count(strcmp(lang, "nl") == 0 ||
		    strcmp(lang, "pl") == 0 || strcmp(lang, "so") == 0 ?
		    lang : "en", low, TRUE);
	}
	g_free(low);
	return MAX(count, 1);
}

int
kt_syllables(struct kt_counter *c, const char *lang, const char *word)
{
	char *key = g_strconcat(lang, " ", word, NULL);
	gpointer n;
	int r;

	g_mutex_lock(&c->lock);
	n = g_hash_table_lookup(c->known, key);
	g_mutex_unlock(&c->lock);
	if (n != NULL) {
		g_free(key);
		return GPOINTER_TO_INT(n);
	}
	r = count_word(c, lang, word);
	g_mutex_lock(&c->lock);
	if (g_hash_table_size(c->known) >= KNOWN_MAX)
		g_hash_table_remove_all(c->known);
	/* never 0: that is how a missing entry reads */
	g_hash_table_replace(c->known, key, GINT_TO_POINTER(r));
	g_mutex_unlock(&c->lock);
	return r;
}

enum kt_formula
kt_formula_of(const char *lang)
{
	if (strcmp(lang, "nl") == 0)
		return KT_FLESCH_DOUMA;
	if (strcmp(lang, "en") == 0)
		return KT_FLESCH_EN;
	if (strcmp(lang, "tr") == 0)
		return KT_ATESMAN;
	return KT_FORMULA_NONE;
}

const char *
kt_formula_name(enum kt_formula f)
{
	switch (f) {
	case KT_FLESCH_DOUMA:
		return "Flesch-Douma";
	case KT_FLESCH_EN:
		return "Flesch Reading Ease";
	case KT_ATESMAN:
		return "Ateşman";
	default:
		return NULL;
	}
}

static gboolean
ends_sentence(gunichar u)
{
	return u == '.' || u == '!' || u == '?' || u == 0x061F ||
	    u == 0x1362 || u == 0x1367 || u == '\n';
}

/* The sentences of text, trimmed, empty ones left out. */
static GPtrArray *
sentences(const char *text)
{
	GPtrArray *a = g_ptr_array_new_with_free_func(g_free);
	const char *start = text;

	for (const char *p = text;; p = g_utf8_next_char(p)) {
		gunichar u = g_utf8_get_char(p);
		gboolean end = *p == '\0';

		/* "2.5" and "nl." inside a word do not end a sentence */
		if (!end && ends_sentence(u) && u != '\n') {
			const char *q = g_utf8_next_char(p);
			if (*q != '\0' && !g_unichar_isspace(g_utf8_get_char(q))
			    && !ends_sentence(g_utf8_get_char(q)) &&
			    g_utf8_get_char(q) != '"' && g_utf8_get_char(q) != ')')
				continue;
		}
		if (end || ends_sentence(u)) {
			const char *stop = end ? p : g_utf8_next_char(p);
			char *s = g_strstrip(g_strndup(start,
			    (gsize)(stop - start)));
			gboolean letters = FALSE;

			for (const char *c = s; *c; c = g_utf8_next_char(c))
				if (g_unichar_isalnum(g_utf8_get_char(c)))
					letters = TRUE;
			if (letters)
				g_ptr_array_add(a, s);
			else
				g_free(s);
			start = stop;
		}
		if (end)
			break;
	}
	return a;
}

/* The words of a sentence: blank-separated, trimmed of punctuation. */
static GPtrArray *
words(const char *sentence)
{
	GPtrArray *a = g_ptr_array_new_with_free_func(g_free);
	const char *p = sentence;

	while (*p) {
		const char *b, *e;

		while (*p && g_unichar_isspace(g_utf8_get_char(p)))
			p = g_utf8_next_char(p);
		for (e = p; *e && !g_unichar_isspace(g_utf8_get_char(e));)
			e = g_utf8_next_char(e);
		b = p;
		p = e;
		while (b < e && !g_unichar_isalnum(g_utf8_get_char(b)))
			b = g_utf8_next_char(b);
		while (e > b && !g_unichar_isalnum(g_utf8_get_char(
		    g_utf8_find_prev_char(b, e))))
			e = g_utf8_find_prev_char(b, e);
		if (e > b)
			g_ptr_array_add(a, g_strndup(b, (gsize)(e - b)));
	}
	return a;
}

void
kt_figures(struct kt_counter *c, const char *lang, const char *text,
    struct kt_figures *f)
{
	GPtrArray *ss = sentences(text);
	gboolean counted = TRUE;

	memset(f, 0, sizeof *f);
	f->formula = kt_formula_of(lang);
	for (guint i = 0; i < ss->len; i++) {
		GPtrArray *ws = words(g_ptr_array_index(ss, i));

		if (ws->len == 0) {
			g_ptr_array_free(ws, TRUE);
			continue;
		}
		f->sentences++;
		if ((int)ws->len > f->longest) {
			f->longest = (int)ws->len;
			g_free(f->longest_text);
			f->longest_text = g_strdup(g_ptr_array_index(ss, i));
		}
		for (guint j = 0; j < ws->len; j++) {
			const char *w = g_ptr_array_index(ws, j);
			int s = kt_syllables(c, lang, w);

			f->words++;
			f->letters += (int)g_utf8_strlen(w, -1);
			if (s < 0)
				counted = FALSE;
			else
				f->syllables += s;
		}
		g_ptr_array_free(ws, TRUE);
	}
	g_ptr_array_free(ss, TRUE);
	if (f->sentences > 0)
		f->words_per_sentence = (double)f->words / f->sentences;
	if (f->words > 0) {
		f->letters_per_word = (double)f->letters / f->words;
		f->syllables_per_word = counted ? (double)f->syllables /
		    f->words : -1;
	}
	if (!counted)
		f->syllables = -1;
	if (f->words == 0 || !counted)
		f->formula = KT_FORMULA_NONE;
	switch (f->formula) {
	case KT_FLESCH_DOUMA:
		f->score = 206.84 - 0.77 * (100 * f->syllables_per_word) -
		    0.93 * f->words_per_sentence;
		break;
	case KT_FLESCH_EN:
		f->score = 206.835 - 1.015 * f->words_per_sentence -
		    84.6 * f->syllables_per_word;
		break;
	case KT_ATESMAN:
		f->score = 198.825 - 40.175 * f->syllables_per_word -
		    2.610 * f->words_per_sentence;
		break;
	default:
		break;
	}
}

void
kt_figures_clear(struct kt_figures *f)
{
	g_free(f->longest_text);
	f->longest_text = NULL;
}

GPtrArray *
kt_long_sentences(const char *text, int max)
{
	GPtrArray *ss = sentences(text);
	GPtrArray *out = g_ptr_array_new_with_free_func(g_free);

	for (guint i = 0; i < ss->len; i++) {
		GPtrArray *ws = words(g_ptr_array_index(ss, i));
		if ((int)ws->len > max)
			g_ptr_array_add(out, g_strdup(g_ptr_array_index(ss, i)));
		g_ptr_array_free(ws, TRUE);
	}
	g_ptr_array_free(ss, TRUE);
	return out;
}
