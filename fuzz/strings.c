/* The UI strings and the glossary: the same bytes as nl.yaml of both. */
#include <stdint.h>

#include "diag.h"
#include "load/load.h"
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kt_model *m = fuzz_model();
	struct kt_diag *d = kt_diag_new();
	char *path = fuzz_file("nl.yaml", data, size);
	char *dir = g_path_get_dirname(path);

	kt_load_strings(m, dir, d);
	kt_load_glossary(m, dir, NULL, d);
	g_free(dir);
	g_free(path);
	kt_diag_free(d);
	kt_model_free(m);
	return 0;
}
