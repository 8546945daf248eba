# Each Form element of a PDF from `qpdf --json --json-key=qpdf`, followed
# to its widget and back through the parent tree: a line per element,
# "<field name> <page of the widget's /P, from 1> <round trip>", where the
# round trip is "ok" when the widget's /StructParent leads to the element.
.qpdf[1] as $o
| def obj($r): $o["obj:" + $r].value;
  def kids($k): ($k | if type == "array" then .[] else . end);
  obj($o.trailer.value["/Root"]) as $cat
  | obj($cat["/StructTreeRoot"]) as $root
  | obj($root["/ParentTree"])["/Nums"] as $nums
  | [obj($cat["/Pages"])["/Kids"][]] as $pages
  | def elems($r): obj($r) as $e
      | if ($e | type) == "object" and ($e | has("/S")) then
          [$r, $e], (kids($e["/K"]) | select(type == "string" and
            endswith(" R")) | elems(.))
        else empty end;
    kids($root["/K"]) | elems(.)
    | select(.[1]["/S"] == "/Form") | .[0] as $form
    | obj(.[1]["/K"]["/Obj"]) as $w
    | ([range(0; $nums | length; 2) | select($nums[.] == $w["/StructParent"])
        | $nums[. + 1]][0]) as $back
    | "\($w["/T"] | ltrimstr("u:")) \($pages | index($w["/P"]) + 1) \(if $back == $form then "ok" else "broken" end)"
