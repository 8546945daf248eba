/*
 * Internal to pdffile.c and pdftags.c: the reader of cairo's PDF dialect
 * (tokens, spans, objects of a source), the join's state, and what each
 * file lends the other. pdffile.c reads sources and copies their pages;
 * pdftags.c adds what cairo cannot write (kt_pdf_update()) and carries
 * the structure tree and the fields over into a joined file. Nothing
 * here is for other files: they use pdffile.h. (The names are short
 * and global: no other file of the program may define them.)
 */
#ifndef KT_PDFREAD_H
#define KT_PDFREAD_H

#include "print/pdffile.h"

enum tok_kind {
	TK_ERROR, TK_END, TK_DICT, TK_DICT_END, TK_ARRAY, TK_ARRAY_END,
	TK_NAME, TK_STRING, TK_WORD
};

struct tok {
	enum tok_kind kind;
	const char *s;
	size_t n;
};

/* A span of the file: what is left to read, or one value. */
struct lex {
	const char *p, *end;
};

struct kt_pdf_src {
	char *name;
	const char *data;
	size_t len;
	guint size;		/* objects, as the trailer says */
	gint64 *at;		/* offset of each, 0 if free, -1 unknown */
	guint root, info, pages;
	GArray *kids;		/* guint: the pages' objects, in order */
	guint *page_of;		/* by object: its page + 1, 0 for none */
	struct src_tree *tree;	/* read when first joined: pdftags.c */
	const char **vend;	/* by object: where its value ends, kept by
				 * src_dict_keys() for a dictionary that is
				 * copied next (an element of the tree), or
				 * NULL */
};

/* A structure element at the top, below the Document, and its pages. */
struct top_elem {
	guint num;
	guint first, last;	/* pages, from 0; first > last: none */
};

/* A source's structure tree, as the join needs it. */
struct src_tree {
	guint root, doc;	/* the root, the Document (or the root) */
	GArray *tops;		/* struct top_elem, in the tree's order */
	GHashTable *nums;	/* the parent tree: key -> struct lex * */
	struct lex rolemap;	/* or p == NULL */
	struct lex acroform;	/* the catalog's /AcroForm, or p == NULL */
	struct lex lang;	/* the catalog's /Lang, or p == NULL */
};

struct xent {
	guint8 type;		/* 0 free, 1 at an offset, 2 in a stream */
	guint64 f2;		/* offset, or the object stream's number */
	guint f3;		/* index in the object stream */
};

struct pending {
	const struct kt_pdf_src *s;
	guint old, new;
};

struct kt_pdf_join {
	GString *out;		/* the file so far */
	GArray *xref;		/* struct xent, by the new numbers */
	gboolean objstm;
	gboolean duplex;	/* KT_PDF_DUPLEX in the catalog */
	GString *os, *os_index;	/* the object stream being filled */
	guint os_num, os_count;
	guint catalog, pages, info;
	GArray *kids;		/* guint: the new pages' objects */
	GHashTable *maps;	/* source -> guint[]: old number -> new */
	GArray *queue;		/* struct pending, to copy */
	GPtrArray *titles;	/* bookmarks: PDF strings */
	GArray *marks;		/* and their pages */
	GString *obj;		/* one object's text */
	GPtrArray *srcs;	/* the sources, in the order first used */
	GHashTable *pos;	/* new page object -> its place + 1 */
	GArray *sps;		/* struct sp_from, by new /StructParents */
	guint tree, doc;	/* the new structure root and Document */
	const char *lang;	/* the new file's, while it is finished */
	GHashTable *langs;	/* new element at the top -> the /Lang of
				 * its source (struct lex *), when that is
				 * not the new file's */
	GChecksum *md5;		/* of out, from the ID on: put_id() */
	size_t md5_len;		/* how much of out it has read */
};

/* Where a new /StructParent(s) number came from. */
struct sp_from {
	const struct kt_pdf_src *s;
	guint64 old;
};

/* ---- pdffile.c: reading ---- */

/* The last cross-reference section: its offset in *off and a pointer
 * just after its "xref" line, or NULL. */
const char *last_xref(const char *pdf, size_t len, long *off);
enum tok_kind lex_next(struct lex *, struct tok *);
gboolean tok_is(const struct tok *, const char *s);
gboolean tok_uint(const struct tok *, guint64 *v);
/* After the integer t, " G R" makes it a reference to object *num, and
 * the lexer stands after the R; else the lexer has not moved. */
gboolean lex_ref(struct lex *, const struct tok *t, guint *num);
/* One whole value (a reference is one); *first is its first token. */
gboolean skip_value(struct lex *, struct tok *first);
/* The value of key ("/Pages") in the dictionary at *d, as a span. */
/* The values of n keys in one pass over the dictionary at *d: vals[i].p
 * is NULL for a key it does not hold. FALSE when it cannot be read. */
gboolean dict_get_all(const struct lex *d, const char *const *keys,
    struct lex *vals, int n);
/* A dictionary object's value in *v and the values of n keys in it,
 * read in one pass (src_dict() and dict_get_all()). */
gboolean src_dict_keys(const struct kt_pdf_src *s, guint num, struct lex *v,
    const char *const *keys, struct lex *vals, int n);
gboolean dict_get(const struct lex *d, const char *key,
    struct lex *val);
/* Whether the span is one reference, to *num. */
gboolean span_ref(const struct lex *, guint *num);
gboolean dict_ref(const struct lex *d, const char *key,
    guint *num);
/* Sets *err to what is wrong in s (at object num when it is not 0);
 * returns FALSE. */
gboolean fail(GError **err, const struct kt_pdf_src *s,
    const char *what, guint num);
/* A dictionary object's value; FALSE for anything else. */
gboolean src_dict(const struct kt_pdf_src *, guint num,
    struct lex *v);

/* ---- pdffile.c: writing a joined file ---- */

/* A new object number, its entry free until the object is put. */
guint new_num(struct kt_pdf_join *);
/* Object num with this text and, for a stream, its data. */
void put_object(struct kt_pdf_join *, guint num,
    const GString *text, const char *data, size_t dlen);
/*
 * The new number of object old of s, queued to be copied the first time;
 * 0 (null) for what is not copied: a free object, the catalog, the
 * document information, a page not taken. The page tree is the new one.
 */
guint remap(struct kt_pdf_join *, const struct kt_pdf_src *s,
    guint *map, guint old);
/*
 * The value v of s as text into o, references renumbered. A stream's
 * dictionary gets its data's length in place of its own /Length (which
 * cairo writes as a reference to an object of its own).
 */
gboolean copy_value(struct kt_pdf_join *, const struct kt_pdf_src *s,
    guint *map, const struct lex *v, gssize dlen, GString *o);
/* Copies the objects queued by remap(). */
gboolean copy_queued(struct kt_pdf_join *, GError **err);
/* UTF-8 as a PDF text string: literal when it is printable ASCII, else
 * UTF-16BE with a byte order mark. */
void put_string(GString *o, const char *s);

/* ---- pdftags.c: the structure tree and the fields of a joined file ---- */

/* The form's dictionary in a catalog: fields is a list of references;
 * an empty value is typed in Helvetica, which every viewer has. */
void put_acroform(GString *o, const GString *fields);
/* A source's tree (read now) hangs below the new Document. */
gboolean join_tree(struct kt_pdf_join *, const struct kt_pdf_src *s,
    guint *map, GError **err);
/* The new structure tree, of every source's elements on pages taken. */
gboolean put_tree(struct kt_pdf_join *, GError **err);
/* The fields of every source whose widgets were copied with their pages:
 * their new references into fields. */
gboolean join_fields(struct kt_pdf_join *, GString *fields,
    GError **err);

#endif
