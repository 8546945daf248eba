/*
 * Reading a class list: lines into fields, the header, the name and the
 * family's language of each pupil. What a language code means is left to
 * the command that reads it.
 */
#include "build/classlist.h"

#include <string.h>

#include "load/file.h"

static void
pupil_free(gpointer p)
{
	struct kt_pupil *u = p;

	g_free(u->name);
	g_free(u->lang);
	g_free(u);
}

/*
 * The fields of a line, split at ; , or tab outside "quotes" ("" is a
 * quote inside them), each stripped; cols[i] is where field i starts,
 * from 1. The caller frees it with g_ptr_array_free(a, TRUE).
 */
static GPtrArray *
fields(const char *line, GArray *cols)
{
	GPtrArray *f = g_ptr_array_new_with_free_func(g_free);
	GString *cur = g_string_new(NULL);
	gboolean quoted = FALSE;
	int start = 1;

	for (const char *p = line;; p++) {
		if (quoted && *p == '"' && p[1] == '"') {
			g_string_append_c(cur, '"');
			p++;
		} else if (*p == '"' && (quoted ||
		    strspn(cur->str, " ") == cur->len)) {
			quoted = !quoted;
		} else if (*p == '\0' || *p == '\r' || (!quoted &&
		    strchr(";,\t", *p) != NULL)) {
			g_ptr_array_add(f, g_strstrip(g_strdup(cur->str)));
			g_array_append_val(cols, start);
			g_string_truncate(cur, 0);
			start = (int)(p - line) + 2;
			if (*p == '\0' || *p == '\r')
				break;
		} else {
			g_string_append_c(cur, *p);
		}
	}
	g_string_free(cur, TRUE);
	return f;
}

static gboolean
is_header(const char *s, const char *const *words)
{
	for (; *words != NULL; words++)
		if (g_ascii_strcasecmp(s, *words) == 0)
			return TRUE;
	return FALSE;
}

GPtrArray *
kt_class_read(const char *path, struct kt_diag *d)
{
	static const char *const name_words[] = { "naam", "name", NULL };
	static const char *const lang_words[] = { "taal", "language", "lang",
	    NULL };
	size_t len;
	char *text = kt_read_text(path, NULL, d, &len);
	GPtrArray *pupils;
	char **lines;
	int lang_col = 1, n = 0;

	if (text == NULL)
		return NULL;
	pupils = g_ptr_array_new_with_free_func(pupil_free);
	lines = g_strsplit(text, "\n", -1);
	for (char **l = lines; *l != NULL; l++) {
		GArray *cols = g_array_new(FALSE, FALSE, sizeof(int));
		GPtrArray *f = fields(*l, cols);
		const char *name = g_ptr_array_index(f, 0);

		n++;
		if (pupils->len == 0 && is_header(name, name_words)) {
			lang_col = -1;
			for (guint i = 1; i < f->len; i++)
				if (is_header(g_ptr_array_index(f, i),
				    lang_words))
					lang_col = (int)i;
		} else if (*name != '\0') {
			struct kt_pupil *u = g_new0(struct kt_pupil, 1);

			u->name = g_strdup(name);
			u->line = n;
			if (lang_col > 0 && (guint)lang_col < f->len) {
				u->lang = g_strdup(g_ptr_array_index(f,
				    lang_col));
				u->col = g_array_index(cols, int, lang_col);
			} else if (lang_col > 0) {
				u->lang = g_strdup("");
				u->col = (int)strlen(*l) + 1;
			}
			g_ptr_array_add(pupils, u);
		}
		g_ptr_array_free(f, TRUE);
		g_array_free(cols, TRUE);
	}
	if (pupils->len > KT_CLASS_MAX)
		kt_error(d, path, 0, 0, "%u names; a class list has at most "
		    "%d", pupils->len, KT_CLASS_MAX);
	g_strfreev(lines);
	g_free(text);
	return pupils;
}

GPtrArray *
kt_class_names(const GPtrArray *pupils)
{
	GPtrArray *names = g_ptr_array_new();

	for (guint i = 0; i < pupils->len; i++)
		g_ptr_array_add(names, ((struct kt_pupil *)
		    g_ptr_array_index(pupils, i))->name);
	return names;
}

gboolean
kt_path_inside(const char *dir, const char *out)
{
	char *a = g_canonicalize_filename(dir, NULL);
	char *b = g_canonicalize_filename(out, NULL);
	size_t n = strlen(b);
	gboolean in = strncmp(a, b, n) == 0 && (a[n] == '\0' || a[n] == '/');

	g_free(a);
	g_free(b);
	return in;
}
