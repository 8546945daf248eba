/*
 * Plural forms of the UI strings. A theme's i18n file may give a key in
 * forms named by CLDR's plural categories: key.one, key.few, ...,
 * key.other (and zero, two, many), beside or instead of key itself. The
 * category of a number in a language follows CLDR's rules for whole
 * numbers, here for the languages keukentafel ships; any other language
 * has "one" for 1 and "other" for the rest. A language falls back to its
 * own key.other, then its own key, and only then to Dutch: a form is
 * never taken from another language.
 */
#include <string.h>

#include "model/model.h"

const char *const kt_plural_categories[] = {
	"zero", "one", "two", "few", "many", "other", NULL
};

/* n % 10 in 2..4, and not n % 100 in 12..14: Polish and Ukrainian few */
static gboolean
slavic_few(long n)
{
	return n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14);
}

const char *
kt_plural_category(const char *lang, long n)
{
	if (n < 0)
		n = -n;
	if (strcmp(lang, "ar") == 0) {
		if (n <= 2)
			return kt_plural_categories[n == 0 ? 0 : n == 1 ? 1 : 2];
		if (n % 100 >= 3 && n % 100 <= 10)
			return "few";
		return n % 100 >= 11 ? "many" : "other";
	}
	if (strcmp(lang, "pl") == 0)
		return n == 1 ? "one" : slavic_few(n) ? "few" : "many";
	if (strcmp(lang, "uk") == 0)
		return n % 10 == 1 && n % 100 != 11 ? "one" :
		    slavic_few(n) ? "few" : "many";
	/* Tigrinya and Dari (as Persian): 0 and 1 are "one" */
	if (strcmp(lang, "ti") == 0 || strcmp(lang, "prs") == 0)
		return n <= 1 ? "one" : "other";
	return n == 1 ? "one" : "other";
}

/* key.form in one language's own strings, or NULL. */
static const char *
own(const struct kt_model *m, const char *lang, const char *key,
    const char *form)
{
	GHashTable *t = g_hash_table_lookup(m->strings, lang);
	char *k;
	const char *s;

	if (t == NULL)
		return NULL;
	if (form == NULL)
		return g_hash_table_lookup(t, key);
	k = g_strconcat(key, ".", form, NULL);
	s = g_hash_table_lookup(t, k);
	g_free(k);
	return s;
}

const char *
kt_str_form(const struct kt_model *m, const char *lang, const char *key,
    const char *form)
{
	const char *const langs[] = { lang, "nl" };

	for (int i = 0; i < 2; i++) {
		const char *s = own(m, langs[i], key, form);

		if (s == NULL)
			s = own(m, langs[i], key, "other");
		if (s == NULL)
			s = own(m, langs[i], key, NULL);
		if (s != NULL)
			return s;
	}
	return "";
}

const char *
kt_str_plural(const struct kt_model *m, const char *lang, const char *key,
    long n)
{
	return kt_str_form(m, lang, key, kt_plural_category(lang, n));
}

gboolean
kt_plural_form_of(const char *key, GHashTable *t)
{
	const char *dot = strrchr(key, '.');
	gboolean form = FALSE, has = FALSE;
	char *base;

	for (int i = 0; dot != NULL && kt_plural_categories[i] != NULL; i++)
		form = form || strcmp(dot + 1, kt_plural_categories[i]) == 0;
	if (!form || t == NULL)
		return FALSE;
	base = g_strndup(key, (gsize)(dot - key));
	has = g_hash_table_contains(t, base);
	if (!has) {
		char *other = g_strconcat(base, ".other", NULL);

		has = g_hash_table_contains(t, other);
		g_free(other);
	}
	g_free(base);
	return has;
}
