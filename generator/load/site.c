/*
 * The small YAML files around the content: site.yaml, the pictogram
 * vocabulary (theme, then the school's own SVGs), the UI strings of the
 * theme and the glossary.
 */
#include "load/load.h"

#include <libxml/parser.h>
#include <string.h>

#include "load/file.h"
#include "load/schema.h"
#include "load/yaml.h"
#include "text/svg.h"

/* Reads a whole YAML file that must be a mapping; NULL after reporting. */
static struct kt_ynode *
read_map(const char *path, const char *root, struct kt_diag *d)
{
	size_t len;
	gboolean empty;
	char *text = kt_read_text(path, root, d, &len);
	struct kt_ynode *n;

	if (text == NULL)
		return NULL;
	n = kt_yaml_parse(text, len, path, 1, d, &empty);
	g_free(text);
	if (n == NULL) {
		if (empty)
			kt_error(d, path, 1, 1, "the file is empty");
		return NULL;
	}
	if (n->type != KT_Y_MAP) {
		kt_error(d, path, n->line, n->col, "expected fields "
		    "(name: value), not %s", kt_ytype_name(n->type));
		kt_ynode_free(n);
		return NULL;
	}
	return n;
}

static gboolean
valid_code(const char *s)
{
	size_t n = strlen(s);

	if (n < 2 || n > 3)
		return FALSE;
	for (size_t i = 0; i < n; i++)
		if (!g_ascii_islower(s[i]))
			return FALSE;
	return TRUE;
}

void
kt_load_site(struct kt_model *m, const char *path, const char *root,
    struct kt_diag *d)
{
	static const char *const keys[] = {
		"school", "basis_url", "logo", "contact", "talen",
		"leesbaarheid", NULL
	};
	static const char *const contact_keys[] = {
		"naam", "telefoon", "email", NULL
	};
	static const char *const lang_keys[] = {
		"code", "naam", "richting", NULL
	};
	struct kt_ynode *root_node = read_map(path, root, d);
	const struct kt_ynode *n;
	struct kt_ctx c, sc;
	struct kt_site *s = &m->site;

	if (root_node == NULL)
		return;
	c = (struct kt_ctx){ path, d, root_node, NULL };
	kt_check_keys(&c, keys, NULL, NULL);
	s->school = kt_get_string(&c, "school", TRUE);
	s->base_url = kt_get_string(&c, "basis_url", TRUE);
	if (s->base_url != NULL) {
		n = kt_field(&c, "basis_url", TRUE);
		if (!g_str_has_prefix(s->base_url, "https://") &&
		    !g_str_has_prefix(s->base_url, "http://"))
			kt_error(d, path, n->line, n->col, "basis_url must "
			    "start with https:// (the address where the site "
			    "will be hosted)");
		if (!g_str_has_suffix(s->base_url, "/")) {
			char *t = g_strconcat(s->base_url, "/", NULL);
			const char *host = strstr(s->base_url, "://");

			/* https://school.nl/lob is the file lob, not the
			 * folder the site is in */
			if (host != NULL && strchr(host + 3, '/') != NULL)
				kt_warning(d, path, n->line, n->col, "basis_url "
				    "has a folder without a final '/'; write "
				    "'%s': the address of the folder the site is "
				    "in, as links, QR codes and the 404 page need "
				    "it", t);
			g_free(s->base_url);
			s->base_url = t;
		}
	}
	s->logo = kt_get_string(&c, "logo", FALSE);
	if ((n = kt_field(&c, "contact", FALSE)) != NULL &&
	    kt_sub(&c, n, "contact", &sc)) {
		kt_check_keys(&sc, contact_keys, NULL, NULL);
		s->contact_name = kt_get_string(&sc, "naam", FALSE);
		s->contact_phone = kt_get_string(&sc, "telefoon", FALSE);
		s->contact_email = kt_get_string(&sc, "email", FALSE);
	}
	for (guint i = 0; i < kt_ymap_len(root_node); i++) {
		const struct kt_ynode *k = kt_ymap_key(root_node, i);

		if (k->type == KT_Y_SCALAR && strcmp(k->value, "talen") == 0) {
			s->languages_line = k->line;
			s->languages_col = k->col;
		}
	}
	if ((n = kt_get_records(&c, "talen", TRUE)) != NULL) {
		for (guint i = 0; i < n->items->len; i++) {
			const struct kt_ynode *e = g_ptr_array_index(n->items, i);
			struct kt_ctx lc;
			struct kt_language *l;
			char *code, *dir;

			if (!kt_sub(&c, e, "talen", &lc))
				continue;
			kt_check_keys(&lc, lang_keys, NULL, NULL);
			code = kt_get_string(&lc, "code", TRUE);
			if (code == NULL)
				continue;
			if (!valid_code(code)) {
				const struct kt_ynode *k = kt_field(&lc, "code",
				    TRUE);
				kt_error(d, path, k->line, k->col, "'%s' is "
				    "not a language code; use two or three "
				    "lower-case letters (ISO 639), like nl, "
				    "ar, ti", code);
				g_free(code);
				continue;
			}
			if (kt_site_language(s, code) != NULL) {
				kt_error(d, path, e->line, e->col, "language "
				    "'%s' is listed twice", code);
				g_free(code);
				continue;
			}
			l = g_new0(struct kt_language, 1);
			l->code = code;
			l->name = kt_get_string(&lc, "naam", TRUE);
			if (l->name == NULL)
				l->name = g_strdup(code);
			dir = kt_get_string(&lc, "richting", FALSE);
			if (dir != NULL && strcmp(dir, "rtl") != 0 &&
			    strcmp(dir, "ltr") != 0) {
				const struct kt_ynode *k = kt_field(&lc,
				    "richting", FALSE);
				kt_error(d, path, k->line, k->col, "richting "
				    "is ltr (left to right) or rtl (right to "
				    "left), not '%s'", dir);
			}
			l->rtl = dir != NULL && strcmp(dir, "rtl") == 0;
			g_free(dir);
			g_ptr_array_add(s->languages, l);
		}
		if (s->languages->len > 0 && strcmp(((struct kt_language *)
		    g_ptr_array_index(s->languages, 0))->code, "nl") != 0)
			kt_error(d, path, n->line, n->col, "the first "
			    "language must be nl: Dutch is the source");
	}
	if ((n = kt_field(&c, "leesbaarheid", FALSE)) != NULL &&
	    kt_sub(&c, n, "leesbaarheid", &sc))
		for (guint i = 0; i < kt_ymap_len(n); i++) {
			const struct kt_ynode *k = kt_ymap_key(n, i);
			int v;

			if (k->type != KT_Y_SCALAR)
				continue;
			if (kt_get_int(&sc, k->value, TRUE, 0, 120, &v))
				g_hash_table_insert(s->min_score,
				    g_strdup(k->value), GINT_TO_POINTER(v));
		}
	kt_ynode_free(root_node);
}

/* The SVG as bytes, if it is well-formed XML with an <svg> root. */
static GBytes *
read_svg(const char *path, const char *root, struct kt_diag *d)
{
	size_t len;
	char *text = kt_read_text(path, root, d, &len);
	xmlDocPtr doc;
	gboolean ok;

	if (text == NULL)
		return NULL;
	doc = xmlReadMemory(text, (int)len, path, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	ok = doc != NULL && xmlDocGetRootElement(doc) != NULL &&
	    strcmp((const char *)xmlDocGetRootElement(doc)->name, "svg") == 0;
	if (!ok) {
		const xmlError *e = xmlGetLastError();
		kt_error(d, path, doc == NULL && e ? e->line : 0, 0,
		    "not a valid SVG file; export it again as plain SVG");
	}
	xmlFreeDoc(doc);
	if (!ok) {
		g_free(text);
		return NULL;
	}
	return g_bytes_new_take(text, len);
}

/*
 * A school's own pictogram is served from the site's origin, where an SVG
 * with a script would run: it is kept in its sanitized form only, which
 * the sheets draw too. (The OpenMoji pictograms are kept as they are.)
 */
static GBytes *
sanitize_svg(GBytes *raw, const char *path, struct kt_diag *d)
{
	gsize len;
	const char *data = g_bytes_get_data(raw, &len);
	char *removed;
	const char *why;
	GBytes *clean = kt_svg_clean(data, len, &removed, &why);

	if (clean == NULL)
		kt_error(d, path, 0, 0, "%s in this pictogram; export it "
		    "again as plain SVG", why);
	else if (removed != NULL)
		kt_warning(d, path, 0, 0, "%s was removed, and anything else "
		    "that runs or loads from outside the file: a pictogram "
		    "only draws; the site and the sheets use it without them",
		    removed);
	g_free(removed);
	g_bytes_unref(raw);
	return clean;
}

static gboolean
valid_name(const char *s)
{
	if (*s == '\0')
		return FALSE;
	for (; *s; s++)
		if (!g_ascii_islower(*s) && !g_ascii_isdigit(*s) && *s != '-')
			return FALSE;
	return TRUE;
}

void
kt_load_pictograms(struct kt_model *m, const char *vocab_path,
    const char *openmoji_dir, const char *own_dir, const char *root,
    struct kt_diag *d)
{
	struct kt_ynode *map = read_map(vocab_path, NULL, d);
	GDir *dir;

	if (map != NULL) {
		for (guint i = 0; i < kt_ymap_len(map); i++) {
			const struct kt_ynode *k = kt_ymap_key(map, i);
			const struct kt_ynode *v = kt_ymap_value(map, i);
			char *file;

			if (k->type != KT_Y_SCALAR || v->type != KT_Y_SCALAR ||
			    !valid_name(k->value)) {
				kt_error(d, vocab_path, k->line, k->col, "each "
				    "line is 'name: CODE', the name in lower "
				    "case, the OpenMoji code in hex");
				continue;
			}
			GBytes *svg;

			file = g_strdup_printf("%s/%s.svg", openmoji_dir,
			    v->value);
			if (!g_file_test(file, G_FILE_TEST_IS_REGULAR)) {
				kt_error(d, vocab_path, v->line, v->col, "no "
				    "OpenMoji pictogram %s (looked for %s); "
				    "run 'npm ci' or fix the code", v->value,
				    file);
				g_free(file);
				continue;
			}
			svg = read_svg(file, NULL, d);
			if (svg != NULL)
				g_hash_table_insert(m->pictograms,
				    g_strdup(k->value), kt_picto_new(file, svg));
			g_free(file);
		}
		kt_ynode_free(map);
	}
	/* the school's own pictograms override and extend the vocabulary */
	dir = own_dir != NULL ? g_dir_open(own_dir, 0, NULL) : NULL;
	if (dir != NULL) {
		const char *f;
		GPtrArray *names = g_ptr_array_new_with_free_func(g_free);

		while ((f = g_dir_read_name(dir)) != NULL)
			g_ptr_array_add(names, g_strdup(f));
		g_dir_close(dir);
		g_ptr_array_sort(names, kt_cmp_str);
		for (guint i = 0; i < names->len; i++) {
			const char *name = g_ptr_array_index(names, i);
			char *path = g_build_filename(own_dir, name, NULL);
			char *base;

			if (name[0] == '.') {
				g_free(path);
				continue;
			}
			if (!g_str_has_suffix(name, ".svg")) {
				kt_warning(d, path, 0, 0, "not used: only "
				    ".svg files are pictograms");
				g_free(path);
				continue;
			}
			base = g_strndup(name, strlen(name) - 4);
			if (!valid_name(base)) {
				kt_error(d, path, 0, 0, "a pictogram name is "
				    "lower-case letters, digits and hyphens");
				g_free(base);
				g_free(path);
				continue;
			}
			GBytes *svg = read_svg(path, root, d);

			if (svg != NULL)
				svg = sanitize_svg(svg, path, d);
			if (svg != NULL)
				g_hash_table_insert(m->pictograms, base,
				    kt_picto_new(path, svg));
			else
				g_free(base);
			g_free(path);
		}
		g_ptr_array_free(names, TRUE);
	}
}

void
kt_load_strings(struct kt_model *m, const char *i18n_dir, struct kt_diag *d)
{
	for (guint i = 0; i < m->site.languages->len; i++) {
		const struct kt_language *l = g_ptr_array_index(
		    m->site.languages, i);
		char *path = g_strdup_printf("%s/%s.yaml", i18n_dir, l->code);
		struct kt_ynode *map;
		GHashTable *t, *seen;

		if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
			if (strcmp(l->code, "nl") == 0)
				kt_error(d, path, 0, 0, "the Dutch UI strings "
				    "are missing; the theme is incomplete");
			g_free(path);
			continue;
		}
		map = read_map(path, NULL, d);
		if (map == NULL) {
			g_free(path);
			continue;
		}
		t = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
		    g_free);
		seen = g_hash_table_new(g_str_hash, g_str_equal);
		for (guint j = 0; j < kt_ymap_len(map); j++) {
			const struct kt_ynode *k = kt_ymap_key(map, j);
			const struct kt_ynode *v = kt_ymap_value(map, j);

			if (k->type != KT_Y_SCALAR || v->type != KT_Y_SCALAR) {
				kt_error(d, path, k->line, k->col, "each line "
				    "is 'key: text'");
				continue;
			}
			/* else the second would silently win */
			if (!g_hash_table_add(seen, k->value)) {
				kt_error(d, path, k->line, k->col, "key '%s' "
				    "appears twice; keep one", k->value);
				continue;
			}
			if (v->value[0] == '\0')
				continue;	/* falls back to Dutch */
			g_hash_table_insert(t, g_strdup(k->value),
			    g_strdup(v->value));
		}
		g_hash_table_insert(m->strings, g_strdup(l->code), t);
		g_hash_table_destroy(seen);
		kt_ynode_free(map);
		g_free(path);
	}
}

void
kt_load_glossary(struct kt_model *m, const char *dir, const char *root,
    struct kt_diag *d)
{
	static const char *const keys[] = {
		"woord", "vormen", "uitleg", NULL
	};

	for (guint i = 0; i < m->site.languages->len; i++) {
		const struct kt_language *l = g_ptr_array_index(
		    m->site.languages, i);
		char *path = g_strdup_printf("%s/%s.yaml", dir, l->code);
		struct kt_ynode *map;
		GPtrArray *list;
		struct kt_ctx c;

		if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
			g_free(path);
			continue;
		}
		map = read_map(path, root, d);
		if (map == NULL) {
			g_free(path);
			continue;
		}
		list = g_ptr_array_new_with_free_func(
		    (GDestroyNotify)kt_gloss_free);
		c = (struct kt_ctx){ path, d, map, NULL };
		for (guint j = 0; j < kt_ymap_len(map); j++) {
			const struct kt_ynode *k = kt_ymap_key(map, j);
			struct kt_ctx ec;
			struct kt_gloss *g;

			if (k->type != KT_Y_SCALAR ||
			    !kt_sub(&c, kt_ymap_value(map, j), k->value, &ec))
				continue;
			kt_check_keys(&ec, keys, NULL, NULL);
			g = g_new0(struct kt_gloss, 1);
			g->key = g_strdup(k->value);
			g->word = kt_get_string(&ec, "woord", TRUE);
			g->forms = kt_get_strings(&ec, "vormen", FALSE);
			g->explanation = kt_get_string(&ec, "uitleg", TRUE);
			if (g->forms->len == 0 && g->word != NULL)
				g_ptr_array_add(g->forms, g_strdup(g->word));
			g_ptr_array_add(list, g);
		}
		g_hash_table_insert(m->glossary, g_strdup(l->code), list);
		kt_ynode_free(map);
		g_free(path);
	}
}
