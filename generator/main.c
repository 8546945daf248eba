/*
 * The command line: keukentafel build | check | serve | init | new | print, with
 * options. Parses arguments and the environment, finds the theme, the
 * pictograms and the templates, and hands over to the command's file in
 * build/.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/parser.h>

#include "build/build.h"
#include "build/init.h"
#include "build/new.h"
#include "build/printcmd.h"
#include "build/serve.h"

#ifndef KT_VERSION
#define KT_VERSION "0.1.0"
#endif
#ifndef KT_DATADIR
#define KT_DATADIR "/usr/local/share/keukentafel"
#endif

static void
usage(FILE *f)
{
	fputs("usage: keukentafel build [-C content] [-o out] [-t theme] "
	    "[--openmoji dir]\n"
	    "                         [--stemmers dir] [-q]\n"
	    "       keukentafel check [-C content] [-t theme] "
	    "[--format text|json]\n"
	    "       keukentafel serve [-C content] [-o out] [--poort N]\n"
	    "       keukentafel init DIR\n"
	    "       keukentafel new opdracht|avond|tip|gesprek NAME [-C content] "
	    "[--taal CODE]\n"
	    "       keukentafel print opdracht NAME --klas FILE [--klasnaam "
	    "3B] [--map DIR]\n"
	    "                         [--mentor NAME] [--telefoon NUMBER] "
	    "[--inleveren DATE]\n"
	    "       keukentafel print gesprek NAME --klas FILE --datum DATE "
	    "--start TIME\n"
	    "                         --duur MINUTES [--pauze MINUTES] "
	    "[--plaats PLACE]\n"
	    "                         [--klasnaam 3B] [--map DIR] [--mentor "
	    "NAME] [--telefoon NUMBER]\n"
	    "       keukentafel --help | --version\n"
	    "\n"
	    "  build   turn the content folder into a website and printable "
	    "sheets in out/;\n"
	    "          out/ is replaced only when the whole build succeeds\n"
	    "  check   report every problem in the content, as "
	    "file:line:column: error: ...\n"
	    "  serve   build, show out/ on http://127.0.0.1:8000/ only, and "
	    "build again\n"
	    "          when a content or theme file changes; open pages "
	    "reload\n"
	    "  init    make DIR a content folder of your school's own: "
	    "site.yaml, an\n"
	    "          example of each kind, the glossary and the format "
	    "guide\n"
	    "  new     add an assignment, evening or tip with every field to "
	    "fill in\n"
	    "  print   for one class, outside out/: the checklist with the "
	    "names, and one\n"
	    "          PDF with each pupil's sheet in the family's language "
	    "(the class\n"
	    "          list's column 'taal'), beside Dutch; for a talk guide "
	    "(gesprek): one\n"
	    "          PDF with the schedule of the talks and each family's "
	    "invitation with\n"
	    "          its own time, one talk after the other\n"
	    "\n"
	    "  -C, --content DIR   content folder (default: content)\n"
	    "  -o, --out DIR       output folder (default: out)\n"
	    "  -t, --theme DIR     theme folder (default: themes/default)\n"
	    "      --openmoji DIR  OpenMoji black SVGs (default: "
	    "node_modules/openmoji/black/svg)\n"
	    "      --stemmers DIR  the Snowball stemmers for search in the "
	    "browser\n"
	    "                      (default: node_modules/@orama/stemmers/dist)\n"
	    "      --format FMT    check output: text or json\n"
	    "  -j, --jobs N        threads (default: one per core)\n"
	    "      --no-pdf        the website only, no printables\n"
	    "  -q, --quiet         no progress, no summary\n"
	    "  -v, --verbose       the time each stage takes\n"
	    "      --poort N       serve: the port (default 8000; 0: any free "
	    "one)\n"
	    "      --taal CODE     new: the translation of the Dutch file into "
	    "this\n"
	    "                      language, its texts copied to translate\n"
	    "      --klasnaam NAME print: the class, on the checklist and in "
	    "the folder's\n"
	    "                      name (default: the class list's file "
	    "name)\n"
	    "      --map DIR       print: where to write (default: "
	    "print/NAME-CLASS)\n"
	    "      --start TIME    print gesprek: the first talk's time, "
	    "15:00\n"
	    "      --duur MINUTES  print gesprek: how long each talk takes\n"
	    "      --pauze MINUTES print gesprek: the break after each talk "
	    "(default 0)\n"
	    "\n"
	    "For the printables (otherwise from site.yaml, or a line to write "
	    "on):\n"
	    "      --mentor NAME       who takes the sheets back\n"
	    "      --telefoon NUMBER   whom parents can call\n"
	    "      --inleveren DATE    hand-in date: 2026-12-04, 4-12-2026 or "
	    "4 december 2026\n"
	    "      --datum DATE        date of the theme evenings and talks, "
	    "written the same ways\n"
	    "      --aanvang TIME      start of the evenings, 19:30 (--tijd: "
	    "the same,\n"
	    "                          the time of a talk)\n"
	    "      --locatie PLACE     where the evenings and talks are "
	    "(--plaats)\n"
	    "      --klas FILE         class list: a pupil's name on each "
	    "line; the\n"
	    "                          checklists with the names go to the "
	    "folder of\n"
	    "      --klassenmap DIR    (default: klassenlijsten), never into "
	    "the site\n"
	    "\n"
	    "SOURCE_DATE_EPOCH, when set, dates every PDF, so two builds are "
	    "identical.\n", f);
}

/*
 * A date as 2026-12-11, 11-12-2026 or "11 december 2026" (a Dutch month,
 * or its first three letters) into iso as 2026-12-11; FALSE when it is
 * none of those or no day of the calendar.
 */
static bool
parse_date(const char *s, char iso[11])
{
	static const char *const months[] = { "januari", "februari", "maart",
	    "april", "mei", "juni", "juli", "augustus", "september",
	    "oktober", "november", "december" };
	int y = 0, m = 0, d = 0, used = 0;
	char word[16], rest;

	/* 2026-12-11, else 11-12-2026, else 11 december 2026 */
	if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &rest) != 3 &&
	    sscanf(s, "%2d-%2d-%4d%c", &d, &m, &y, &rest) != 3) {
		if (sscanf(s, "%2d %15s %4d%n", &d, word, &y, &used) != 3 ||
		    s[used] != '\0')
			return false;
		m = 0;
		for (int i = 0; i < 12 && m == 0; i++)
			if (g_ascii_strcasecmp(word, months[i]) == 0 ||
			    (strlen(word) == 3 && g_ascii_strncasecmp(word,
			    months[i], 3) == 0))
				m = i + 1;
	}
	if (y < 1000)
		return false;
	if (m < 1 || m > 12 || d < 1 || d > 31 ||
	    !g_date_valid_dmy((GDateDay)d, (GDateMonth)m, (GDateYear)y))
		return false;
	g_snprintf(iso, 11, "%04d-%02d-%02d", y, m, d);
	return true;
}

/*
 * The installed data: ../share/keukentafel beside the program, so an
 * install under any prefix works; else the folder compiled in.
 */
static char *
data_dir(void)
{
	char *exe = g_file_read_link("/proc/self/exe", NULL);
	char *dir = NULL;

	if (exe != NULL) {
		char *bin = g_path_get_dirname(exe);
		dir = g_build_filename(bin, "..", "share", "keukentafel", NULL);
		g_free(bin);
		g_free(exe);
		if (g_file_test(dir, G_FILE_TEST_IS_DIR))
			return dir;
		g_free(dir);
	}
	return g_strdup(KT_DATADIR);
}

/* The folder in the working directory, else the installed one. */
static char *
find_dir(const char *local, const char *installed)
{
	char *data;
	char *path;

	if (g_file_test(local, G_FILE_TEST_IS_DIR))
		return g_strdup(local);
	data = data_dir();
	path = g_build_filename(data, installed, NULL);
	g_free(data);
	return path;
}

/*
 * A number of minutes from least to 240 into *to: 1, else 2 after saying
 * what to write.
 */
static int
minutes(int *to, const char *name, const char *arg, int least)
{
	char *end;
	long n = strtol(arg, &end, 10);

	if (*arg == '\0' || *end != '\0' || n < least || n > 240) {
		fprintf(stderr, "keukentafel: --%s: '%s' is not a number of "
		    "minutes; write a whole number from %d to 240, as 15\n",
		    name, arg, least);
		return 2;
	}
	*to = (int)n;
	return 1;
}

/* A time of day, 19:30, into *to: 1, else 2 after saying what to
 * write. */
static int
clock_time(const char **to, const char *name, const char *arg)
{
	int h, m;
	char rest;

	if (sscanf(arg, "%2d:%2d%c", &h, &m, &rest) != 2 || h < 0 || h > 23 ||
	    m < 0 || m > 59) {
		fprintf(stderr, "keukentafel: --%s: '%s' is not a time; write "
		    "it as 19:30 (hours 0-23, minutes 0-59)\n", name, arg);
		return 2;
	}
	*to = arg;
	return 1;
}

/*
 * One option into o (name: its long name, for messages): 1 when it was taken, else the status to exit with:
 * 0 after --help, 2 when the option is wrong (said on stderr).
 */
static int
option(struct kt_options *o, int c, const char *name, const char *arg)
{
	switch (c) {
	case 'C':
		o->content = arg;
		break;
	case 'o':
		o->out = arg;
		break;
	case 't':
		o->theme = arg;
		break;
	case 'm':
		o->openmoji = arg;
		break;
	case 'f':
		if (strcmp(arg, "json") != 0 &&
		    strcmp(arg, "text") != 0) {
			fprintf(stderr, "keukentafel: --format is "
			    "text or json\n");
			return 2;
		}
		o->json = strcmp(arg, "json") == 0;
		break;
	case 'q':
		o->quiet = true;
		break;
	case 'v':
		o->verbose = true;
		break;
	case 'j': {
		char *end;
		long n = strtol(arg, &end, 10);
		if (*end != '\0' || n < 1 || n > 256) {
			fprintf(stderr, "keukentafel: --jobs takes a "
			    "number from 1 to 256\n");
			return 2;
		}
		o->jobs = (int)n;
		break;
	}
	case 1:
		o->mentor = arg;
		break;
	case 2:
		o->phone = arg;
		break;
	case 3:
	case 4: {
		char *iso = c == 3 ? o->due_iso : o->date_iso;

		if (!parse_date(arg, iso)) {
			fprintf(stderr, "keukentafel: --%s: '%s' is not a "
			    "date; write it as 2026-12-04, 4-12-2026 or "
			    "4 december 2026\n", c == 3 ? "inleveren" :
			    "datum", arg);
			return 2;
		}
		if (c == 3)
			o->due = iso;
		else
			o->date = iso;
		break;
	}
	case 5:
		return clock_time(&o->start, name, arg);
	case 6:
		o->place = arg;
		break;
	case 7:
		o->class_list = arg;
		break;
	case 8:
		o->no_pdf = true;
		break;
	case 9:
		o->class_dir = arg;
		break;
	case 10: {
		char *end;
		long n = strtol(arg, &end, 10);
		if (*arg == '\0' || *end != '\0' || n < 0 || n > 65535) {
			fprintf(stderr, "keukentafel: --poort takes a "
			    "number from 1 to 65535 (0: any free port)\n");
			return 2;
		}
		o->port = (int)n;
		break;
	}
	case 11:
		o->lang = arg;
		break;
	case 12:
		o->class_name = arg;
		break;
	case 13:
		o->print_dir = arg;
		break;
	case 14:
	case 15:
		return minutes(c == 14 ? &o->minutes : &o->pause, name, arg,
		    c == 14 ? 1 : 0);
	case 16:
		o->stemmers = arg;
		break;
	case 'h':
		usage(stdout);
		return 0;
	default:
		usage(stderr);
		return 2;
	}
	return 1;
}

/* The commands, and the words each takes after its name. */
static const struct command {
	const char *name;
	int words;
	const char *usage;
} commands[] = {
	{ "build", 0, "" },
	{ "check", 0, "" },
	{ "serve", 0, "" },
	{ "init", 1, " DIR" },
	{ "new", 2, " opdracht|avond|tip|gesprek NAME" },
	{ "print", 2, " opdracht|gesprek NAME --klas FILE" },
};

static int
run(const struct kt_options *o, const char *cmd, char **words)
{
	if (strcmp(cmd, "build") == 0)
		return kt_cmd_build(o);
	if (strcmp(cmd, "check") == 0)
		return kt_cmd_check(o);
	if (strcmp(cmd, "serve") == 0)
		return kt_cmd_serve(o);
	if (strcmp(cmd, "init") == 0)
		return kt_cmd_init(o->templates, words[0]);
	if (strcmp(cmd, "print") == 0)
		return kt_cmd_print(o, words[0], words[1]);
	return kt_cmd_new(o, words[0], words[1]);
}

/*
 * The theme, the pictograms and the command's templates, where not given;
 * own[] holds what was found here, for the caller to free.
 */
static void
find_data(struct kt_options *o, const char *cmd, char *own[4])
{
	const char *env;
	char *t;

	if (o->theme == NULL)
		o->theme = own[0] = find_dir("themes/default",
		    "themes/default");
	if (o->openmoji == NULL &&
	    (env = getenv("KEUKENTAFEL_OPENMOJI")) != NULL)
		o->openmoji = env;
	if (o->openmoji == NULL)
		o->openmoji = own[1] = find_dir(
		    "node_modules/openmoji/black/svg", "openmoji");
	/* the browser's Snowball stemmers, found as the pictograms are */
	if (o->stemmers == NULL &&
	    (env = getenv("KEUKENTAFEL_STEMMERS")) != NULL)
		o->stemmers = env;
	if (o->stemmers == NULL)
		o->stemmers = own[3] = find_dir(
		    "node_modules/@orama/stemmers/dist", "stemmers");
	t = g_build_filename("templates", cmd, NULL);
	o->templates = own[2] = find_dir(t, t);
	g_free(t);
}

/* SOURCE_DATE_EPOCH into o; FALSE after saying it is wrong. */
static bool
read_epoch(struct kt_options *o)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	char *end;

	if (env == NULL || *env == '\0')
		return true;
	o->epoch = strtoll(env, &end, 10);
	if (*end != '\0' || o->epoch < 0) {
		fprintf(stderr, "keukentafel: SOURCE_DATE_EPOCH must be a "
		    "number of seconds\n");
		return false;
	}
	return true;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "content", required_argument, NULL, 'C' },
		{ "out", required_argument, NULL, 'o' },
		{ "theme", required_argument, NULL, 't' },
		{ "openmoji", required_argument, NULL, 'm' },
		{ "format", required_argument, NULL, 'f' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "no-pdf", no_argument, NULL, 8 },
		{ "mentor", required_argument, NULL, 1 },
		{ "telefoon", required_argument, NULL, 2 },
		{ "inleveren", required_argument, NULL, 3 },
		{ "datum", required_argument, NULL, 4 },
		{ "aanvang", required_argument, NULL, 5 },
		{ "locatie", required_argument, NULL, 6 },
		{ "tijd", required_argument, NULL, 5 },
		{ "plaats", required_argument, NULL, 6 },
		{ "klas", required_argument, NULL, 7 },
		{ "klassenmap", required_argument, NULL, 9 },
		{ "poort", required_argument, NULL, 10 },
		{ "taal", required_argument, NULL, 11 },
		{ "klasnaam", required_argument, NULL, 12 },
		{ "map", required_argument, NULL, 13 },
		{ "start", required_argument, NULL, 5 },
		{ "duur", required_argument, NULL, 14 },
		{ "pauze", required_argument, NULL, 15 },
		{ "stemmers", required_argument, NULL, 16 },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct kt_options o = { .content = "content", .out = "out",
	    .class_dir = "klassenlijsten", .epoch = -1, .port = 8000 };
	const struct command *cmd = NULL;
	char *own[4] = { NULL, NULL, NULL, NULL };
	int c, status, at;

	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		usage(stdout);
		return 0;
	}
	if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
		printf("keukentafel %s\n", KT_VERSION);
		return 0;
	}
	if (argc < 2 || argv[1][0] == '-') {
		usage(stderr);
		return 2;
	}
	for (size_t i = 0; i < G_N_ELEMENTS(commands); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			cmd = &commands[i];
	if (cmd == NULL) {
		fprintf(stderr, "keukentafel: unknown command '%s'; use build, "
		    "check, serve, init, new or print\n", argv[1]);
		return 2;
	}
	optind = 2;
	while (at = -1, (c = getopt_long(argc, argv, "C:o:t:qvj:h", longopts,
	    &at)) != -1)
		if ((status = option(&o, c, at >= 0 ? longopts[at].name : "",
		    optarg)) != 1)
			return status;
	if (argc - optind != cmd->words) {
		if (argc - optind > cmd->words)
			fprintf(stderr, "keukentafel: unexpected argument "
			    "'%s'\n", argv[optind + cmd->words]);
		else
			fprintf(stderr, "keukentafel: write: keukentafel "
			    "%s%s\n", cmd->name, cmd->usage);
		return 2;
	}
	if (!read_epoch(&o))
		return 2;
	find_data(&o, cmd->name, own);
	/* deterministic, locale-independent output */
	setenv("LC_NUMERIC", "C", 1);
	xmlInitParser();
	status = run(&o, cmd->name, argv + optind);
	xmlCleanupParser();
	for (int i = 0; i < 4; i++)
		g_free(own[i]);
	return status;
}
