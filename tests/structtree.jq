# The structure tree of a PDF from `qpdf --json --json-key=qpdf`, in the
# tree's order: a line per element, "<depth> <type> lang=<Lang> alt=<Alt>",
# the strings as qpdf gives them (u:... for text). tests/test_tags.c reads it.
.qpdf[1] as $o
| def obj($r): $o["obj:" + $r].value;
  def kids($k): ($k | if type == "array" then .[] else . end)
    | select(type == "string" and endswith(" R"));
  def elems($r; $d): obj($r) as $e
    | if ($e | type) == "object" and ($e | has("/S")) then
        "\($d) \($e["/S"]) lang=\($e["/Lang"] // "") alt=\($e["/Alt"] // "")",
        (kids($e["/K"]) | elems(.; $d + 1))
      else empty end;
  obj($o.trailer.value["/Root"])["/StructTreeRoot"] as $root
  | if $root == null then empty else kids(obj($root)["/K"]) | elems(.; 0) end
