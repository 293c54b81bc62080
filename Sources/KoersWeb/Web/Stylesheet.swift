/// The one stylesheet, served from memory: plain, high-contrast, readable, with visible focus.
enum Stylesheet {
    static let css = """
        :root { --ink: #1b1b1b; --muted: #505a5f; --line: #b1b4b6; --accent: #154273; --error: #b10e1e; --bg: #ffffff;
            --soft: #f3f2f1; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink);
            background: var(--bg); overflow-wrap: break-word; }
        a { color: var(--accent); }
        /* On a date field's calendar button the field matches neither :focus nor :focus-visible, only
           :focus-within; without it, the last Tab stop in a date field showed no focus. */
        :focus-visible, .error-summary:focus, input:focus-within {
            outline: 3px solid var(--ink); outline-offset: 2px; box-shadow: 0 0 0 5px #ffbf47; }
        .site-header :focus-visible { outline-color: #ffbf47; box-shadow: none; }
        main:focus { outline: none; box-shadow: none; }
        .skip-link { position: absolute; left: -999px; top: 0; background: #ffbf47; color: var(--ink);
            padding: .5rem; }
        .skip-link:focus { position: static; display: block; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
        .site-header { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; padding: .75rem 1.5rem;
            background: var(--accent); color: #fff; }
        .site-header a { color: #fff; }
        .brand a { font-weight: 700; font-size: 1.25rem; text-decoration: none; }
        .site-header nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; margin: 0;
            padding: 0; }
        .site-header nav a[aria-current] { text-decoration: underline 3px; }
        .account { margin-left: auto; display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1rem; }
        .account form { margin: 0; }
        main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
        .site-footer { color: var(--muted); padding: 1rem 1.5rem; border-top: 1px solid var(--line); }
        h1 { font-size: 1.75rem; margin-top: 0; }
        section { margin: 2rem 0; }
        .field { margin: 1rem 0; }
        .field label, legend { display: block; font-weight: 600; }
        .hint { color: var(--muted); margin: .25rem 0; }
        .field-error { color: var(--error); font-weight: 600; margin: .25rem 0; }
        .has-error { border-left: 4px solid var(--error); padding-left: .75rem; }
        input[type=text], input[type=email], input[type=password], input[type=search], input[type=date], select,
            textarea { font: inherit; padding: .4rem; border: 2px solid var(--ink); width: 100%; max-width: 32rem; }
        .w-10 { max-width: 12rem !important; }
        fieldset { border: 0; padding: 0; margin: 0; }
        .choices.inline { display: flex; flex-wrap: wrap; gap: .25rem 1.5rem; }
        .choice { display: flex; gap: .5rem; align-items: center; margin: .25rem 0; }
        .choice label { font-weight: 400; }
        .button, button { font: inherit; display: inline-block; padding: .5rem 1rem; background: #00703c; color: #fff;
            border: 0; text-decoration: none; cursor: pointer; }
        .button.secondary, button.secondary { background: var(--soft); color: var(--ink);
            border: 1px solid var(--line); }
        .error-summary { border: 4px solid var(--error); padding: 1rem; margin-bottom: 1.5rem; }
        .error-summary h2 { margin-top: 0; font-size: 1.25rem; }
        .error-summary a { color: var(--error); font-weight: 600; }
        table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
        caption { text-align: left; font-weight: 600; }
        th, td { text-align: left; border-bottom: 1px solid var(--line); padding: .4rem .5rem; vertical-align: top; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.5rem; }
        dt { font-weight: 600; }
        dd { margin: 0; }
        .filters { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: flex-end; }
        .filters .field { margin: .5rem 0; }
        .case-actions ul { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; }
        .stage { font-weight: 600; color: var(--muted); }
        .notice { background: #e8f1f8; padding: .75rem; }
        .restricted { border-left: .4rem solid #8a1c1c; background: #fbeaea; padding: .5rem .75rem; }
        .restricted h2 { margin: 0; font-size: 1.1rem; }
        .verdict { font-size: 1.1rem; }
        .verdict-eligible { color: #00703c; } .verdict-notEligible { color: var(--error);
            } .verdict-needsCaseMeeting { color: #8a4b00; }
        .criterion-notMet td:nth-child(2) { color: var(--error); } .criterion-met td:nth-child(2) { color: #00703c; }
        .deviation { background: var(--soft); padding: .5rem; }
        .timeline, .notes { list-style: none; padding: 0; }
        .timeline li, .notes li { border-left: 3px solid var(--line); padding: .25rem .75rem; margin: .5rem 0; }
        .timeline p, .notes p { margin: .1rem 0; }
        .meta { color: var(--muted); font-size: .9rem; }
        .inline-form form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
        .inline-form input { max-width: 11rem; }
        .table-scroll { overflow-x: auto; }
        td code { overflow-wrap: anywhere; }
        .site-header > *, .account > *, .filters > * { min-width: 0; }
        .reconcile-line { border: 1px solid var(--line); padding: .5rem 1rem; margin: 1rem 0; }
        tr.differs th, tr.differs td { font-weight: 600; }
        .stacked-form { min-width: 14rem; }
        .stacked-form input[type=text], .stacked-form select { width: 100%; }
        .timeline .detail { white-space: pre-wrap; }
        .pager { display: flex; flex-wrap: wrap; gap: 1rem; }
        .figures { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem,
            1fr)); gap: .75rem; }
        .figures li { border: 1px solid #c8c8c8; padding: .6rem .8rem; }
        .figure { display: block; font-size: 1.6rem; font-weight: bold; }
        .figure-label { display: block; }
        .downloads { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; list-style: none; padding: 0; }
        figure { margin: 1rem 0; max-width: 48rem; }
        svg, img { max-width: 100%; height: auto; }
        pre { white-space: pre-wrap; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.suppressed { font-style: italic; color: #555; }
        tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #333; }
        @media (max-width: 40rem) {
            main { padding: 1rem; }
            .site-header { padding: .75rem 1rem; }
            .account { margin-left: 0; }
            dl { grid-template-columns: 1fr; }
            dd { margin-bottom: .5rem; }
            .stacked-form { min-width: 0; }
        }
        @media print { .site-header, .case-actions, form, .skip-link, .downloads { display: none; } section {
            break-inside: avoid; } }
        """
}
