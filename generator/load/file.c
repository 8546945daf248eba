/*
 * Safe reading of the files people write, and the front matter split.
 */
#include "load/file.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Line and column (1-based, in characters) of byte offset off in text. */
static void
position(const char *text, size_t off, int *line, int *col)
{
	const char *line_start = text;

	*line = 1;
	for (size_t i = 0; i < off; i++)
		if (text[i] == '\n') {
			(*line)++;
			line_start = text + i + 1;
		}
	/* count characters of the valid prefix of the line */
	*col = 1;
	for (const char *p = line_start; p < text + off;) {
		gunichar c = g_utf8_get_char_validated(p, text + off - p);
		if (c == (gunichar)-1 || c == (gunichar)-2)
			break;
		p = g_utf8_next_char(p);
		(*col)++;
	}
}

gboolean
kt_resolves_inside(const char *path, const char *root)
{
	char *rp = realpath(path, NULL), *rr = realpath(root, NULL);
	gboolean ok = FALSE;

	if (rp != NULL && rr != NULL) {
		size_t n = strlen(rr);
		ok = strncmp(rp, rr, n) == 0 && (rp[n] == '/' || rp[n] == '\0');
	}
	free(rp);
	free(rr);
	return ok;
}

/* The folder of the last file this thread found inside its root: the
 * other files of that folder need not resolve every part of their path
 * again (thousands of items in one folder), unless they are links. */
struct inside {
	char *dir, *root;
};

static void
inside_free(gpointer p)
{
	struct inside *in = p;

	g_free(in->dir);
	g_free(in->root);
	g_free(in);
}

static GPrivate last_inside = G_PRIVATE_INIT(inside_free);

gboolean
kt_inside(const char *path, const char *root)
{
	struct inside *in = g_private_get(&last_inside);
	struct stat st;
	char *dir;
	gboolean plain = lstat(path, &st) == 0 && !S_ISLNK(st.st_mode);

	if (!plain)
		return kt_resolves_inside(path, root);
	dir = g_path_get_dirname(path);
	if (in != NULL && strcmp(in->dir, dir) == 0 &&
	    strcmp(in->root, root) == 0) {
		g_free(dir);
		return TRUE;
	}
	if (!kt_resolves_inside(path, root)) {
		g_free(dir);
		return FALSE;
	}
	in = g_new(struct inside, 1);
	in->dir = dir;
	in->root = g_strdup(root);
	g_private_replace(&last_inside, in);
	return TRUE;
}

char *
kt_read_text(const char *path, const char *root, struct kt_diag *d,
    size_t *len)
{
	struct stat st;
	char *raw = NULL;
	gsize n = 0;
	GError *err = NULL;
	const char *bad;
	GString *out;
	int line, col;

	if (stat(path, &st) != 0) {
		kt_error(d, path, 0, 0, "cannot read: %s", g_strerror(errno));
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		kt_error(d, path, 0, 0, "not a regular file; content must be "
		    "plain text files");
		return NULL;
	}
	if (root != NULL && !kt_inside(path, root)) {
		kt_error(d, path, 0, 0, "this link points outside the content "
		    "folder; copy the file into the folder instead");
		return NULL;
	}
	if ((gsize)st.st_size > KT_MAX_FILE) {
		kt_error(d, path, 0, 0, "file is %lld bytes, more than the "
		    "limit of %" G_GSIZE_FORMAT "; split it into smaller files",
		    (long long)st.st_size, KT_MAX_FILE);
		return NULL;
	}
	if (!g_file_get_contents(path, &raw, &n, &err)) {
		kt_error(d, path, 0, 0, "cannot read: %s", err->message);
		g_error_free(err);
		return NULL;
	}
	if (n > KT_MAX_FILE) {	/* grew after stat */
		kt_error(d, path, 0, 0, "file is larger than %" G_GSIZE_FORMAT
		    " bytes",
		    KT_MAX_FILE);
		g_free(raw);
		return NULL;
	}
	if (!g_utf8_validate(raw, (gssize)n, &bad)) {
		position(raw, (size_t)(bad - raw), &line, &col);
		if (*bad == '\0')
			kt_error(d, path, line, col, "NUL byte in text; "
			    "save the file as plain UTF-8 text");
		else
			kt_error(d, path, line, col, "invalid UTF-8 (byte "
			    "0x%02X); save the file with UTF-8 encoding",
			    (unsigned char)*bad);
		g_free(raw);
		return NULL;
	}

	/* drop a BOM; CRLF and lone CR become LF; refuse other controls */
	out = g_string_sized_new(n + 1);
	size_t i = 0;
	if (n >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (; i < n; i++) {
		unsigned char c = (unsigned char)raw[i];

		if (c == '\r') {
			g_string_append_c(out, '\n');
			if (i + 1 < n && raw[i + 1] == '\n')
				i++;
			continue;
		}
		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) {
			position(raw, i, &line, &col);
			kt_error(d, path, line, col, "control character "
			    "U+%04X in text; remove it", c);
			g_string_free(out, TRUE);
			g_free(raw);
			return NULL;
		}
		g_string_append_c(out, (char)c);
	}
	g_free(raw);
	*len = out->len;
	return g_string_free(out, FALSE);
}

/* Is the line at p "---" (or "..." when closing), allowing trailing blanks? */
static gboolean
is_marker(const char *p, gboolean closing)
{
	if (strncmp(p, "---", 3) != 0 && !(closing && strncmp(p, "...", 3) == 0))
		return FALSE;
	p += 3;
	while (*p == ' ' || *p == '\t')
		p++;
	return *p == '\n' || *p == '\0';
}

gboolean
kt_split_front(const char *path, const char *text, struct kt_diag *d,
    struct kt_front *f)
{
	const char *p;
	int line = 2;

	if (!is_marker(text, FALSE)) {
		kt_error(d, path, 1, 1, "a content file starts with a line "
		    "---, then the fields (titel: ...), then a line ---");
		return FALSE;
	}
	p = strchr(text, '\n');
	if (p == NULL) {
		kt_error(d, path, 1, 1, "front matter is not closed: add a "
		    "line with only --- after the last field");
		return FALSE;
	}
	f->yaml = ++p;
	f->yaml_line = 2;
	for (;;) {
		if (is_marker(p, TRUE)) {
			const char *end = strchr(p, '\n');

			f->yaml_len = (size_t)(p - f->yaml);
			f->body = end != NULL ? end + 1 : p + strlen(p);
			f->body_line = line + 1;
			return TRUE;
		}
		p = strchr(p, '\n');
		if (p == NULL)
			break;
		p++;
		line++;
	}
	kt_error(d, path, 1, 1, "front matter is not closed: add a line with "
	    "only --- after the last field");
	return FALSE;
}
