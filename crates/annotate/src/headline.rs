//! A pasted page's title: the line most likely to be its headline, not its first line of site clutter.
//!
//! A whole page pasted (or a .txt of one) starts with menus, "Skip to content", share buttons and dates, so
//! its first line names nothing. The headline is found by where it stands: just above the byline, else the
//! date line (an article's anchors), else it is the line a page prints twice (page heading and article
//! heading), else it stands just above the first long paragraph (the lede). Walking up from an anchor, the
//! topmost headline-like line before a menu item (a line of one to three words) is taken: a standfirst and an
//! author line sit between a headline and its date, never above it. With no such evidence the first
//! non-empty line is kept, as before (a plain note's first line is its title). Bounded: only the first
//! 200 non-empty lines of the first 64 KB are read, and each walk looks at a few lines.

/// How much of the text is read: a headline stands near the top.
const READ_BYTES: usize = 64 * 1024;
const READ_LINES: usize = 1000;
/// How many wordy lines a walk up from an anchor looks at (headline, standfirst, author, a caption).
const WALK_LINES: usize = 4;
/// How far below its first print a headline is printed again.
const TWICE_WITHIN: usize = 12;
/// How many lines a walk passes at most, counting the skipped ones (counts, credits, dates).
const WALK_LIMIT: usize = 12;

/// The title of a text: its headline when one is evident, else its first non-empty line; shortened.
pub(crate) fn title_from_text(text: &str) -> String {
    let mut end = text.len().min(READ_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let lines: Vec<&str> =
        text[..end].lines().map(str::trim).filter(|line| !line.is_empty()).take(READ_LINES).collect();
    let line =
        headline(&lines).or_else(|| text.lines().map(str::trim).find(|line| !line.is_empty())).unwrap_or("Untitled");
    shorten(line)
}

/// The headline among the top lines of a page, when the page shows one. The article's own byline and date
/// stand above its lede (the first long paragraph after the first of them: a news ticker may come before); below it stand other stories' teasers with theirs, so
/// those are looked at only when nothing above the lede names a headline. A byline is looked for first: dates
/// also stand under other stories' headlines in lists and over clocks. Some sites print the date and share
/// buttons above the headline, hence the walk down when no walk up finds one.
fn headline<'a>(lines: &[&'a str]) -> Option<&'a str> {
    let first_anchor = lines.iter().position(|line| is_anchor(line)).unwrap_or(0);
    let lede = lines
        .iter()
        .skip(first_anchor)
        .position(|line| line.split_whitespace().count() >= 30)
        .map(|at| first_anchor + at);
    let top = lede.unwrap_or(lines.len());
    let above = |end: usize, anchor: fn(&str) -> bool| {
        (0..end).filter(|&at| anchor(lines[at])).find_map(|at| walk_up(lines, at))
    };
    above(top, is_byline)
        .or_else(|| above(top, is_dateline))
        .or_else(|| printed_twice(lines, top))
        .or_else(|| (0..top).filter(|&at| is_anchor(lines[at])).find_map(|at| walk_down(lines, at)))
        // Above the lede alone, with no byline or date: a page's headline has the site's lines above it; a plain
        // note's second line, one heading above it, is not its title ("Meeting notes" is).
        .or_else(|| {
            walk_up(lines, lede?).filter(|found| lines.iter().position(|l| std::ptr::eq(*l, *found)) >= Some(2))
        })
        .or_else(|| above(lines.len(), is_byline))
        .or_else(|| above(lines.len(), is_dateline))
        .or_else(|| printed_twice(lines, lines.len()))
}

fn is_anchor(line: &str) -> bool {
    is_byline(line) || is_dateline(line)
}

/// The headline printed under its date or byline: the first line of four or more words within a few lines
/// below the anchor (past share buttons and counts), when it is headline-like.
fn walk_down<'a>(lines: &[&'a str], anchor: usize) -> Option<&'a str> {
    let at = (anchor + 1..lines.len())
        .take(WALK_LINES)
        .find(|&at| !is_transparent(lines[at]) && word_count(lines[at]) > 3)?;
    is_headline_like(lines, at).then(|| lines[at])
}

/// The topmost headline-like line among the few wordy lines just above `anchor`, up to a menu item. Passed
/// over: short lines with a number (`3 minute read`, `941 comments`), a name of up to three capitalised
/// words right above the anchor (an author's name over the date), and lines that are no headline (a
/// standfirst sentence, a caption). Once a headline-like line is found, the walk goes on only through
/// headline-like lines (a standfirst without a period under its headline): a date, count or other line above
/// it belongs to another story (a "related" teaser), and a line right above prose (the lede or a standfirst
/// sentence) is the headline itself.
fn walk_up<'a>(lines: &[&'a str], anchor: usize) -> Option<&'a str> {
    let mut found = None;
    let mut wordy = 0;
    for at in (anchor.saturating_sub(WALK_LIMIT)..anchor).rev() {
        let line = lines[at];
        let short = word_count(line) <= 3;
        let passed = is_transparent(line) || (short && line.contains(|c: char| c.is_ascii_digit()));
        if !passed {
            wordy += 1;
            let name = line.split_whitespace().all(|word| word.starts_with(char::is_uppercase));
            if short && name && wordy == 1 {
                continue;
            }
            if short || wordy > WALK_LINES {
                break;
            }
        }
        if passed || !is_headline_like(lines, at) {
            if found.is_some() {
                break;
            }
            continue;
        }
        if at > 0 && is_teaser_label(lines[at - 1]) {
            break;
        }
        found = Some(line);
        if is_prose(lines[at + 1]) {
            break;
        }
    }
    found
}

/// The label of a box of other stories' headlines (`Related`, `Read more`, `You may also like`): a short line
/// whose first word is one of a few.
fn is_teaser_label(line: &str) -> bool {
    const FIRST_WORDS: &[&str] =
        &["related", "recommended", "more", "read", "see", "also", "you", "trending", "popular"];
    let first = line.split_whitespace().next().unwrap_or_default().trim_end_matches(|c: char| !c.is_alphabetic());
    word_count(line) <= 4 && FIRST_WORDS.iter().any(|word| first.eq_ignore_ascii_case(word))
}

/// A paragraph's sentence: ends with a period (before a closing quote) or holds a sentence break.
fn is_prose(line: &str) -> bool {
    line.trim_end_matches(['"', '\'', '”', '’']).ends_with('.') || has_sentence_break(line)
}

/// A headline-like line printed again a few lines below (page heading, then article heading), not right
/// below itself; a link printed in both the header and the footer is far apart.
fn printed_twice<'a>(lines: &[&'a str], end: usize) -> Option<&'a str> {
    (0..end)
        .find(|&at| {
            is_headline_like(lines, at) && lines.iter().skip(at + 2).take(TWICE_WITHIN).any(|other| *other == lines[at])
        })
        .map(|at| lines[at])
}

/// Lines a walk passes over without stopping: counts and symbols, dates, bylines, photo credits.
fn is_transparent(line: &str) -> bool {
    !line.chars().any(char::is_alphabetic) || is_dateline(line) || is_byline(line) || is_credit(line)
}

/// Words with a letter (not counts, dates' digits or separators).
fn word_count(line: &str) -> usize {
    line.split_whitespace().filter(|token| token.chars().any(char::is_alphabetic)).count()
}

/// A line a headline could be: 4 to 25 words, not a sentence ending in a period (before a closing quote), not starting lower-case,
/// not site clutter, a breadcrumb, two sentences of prose, or a line repeated right below itself (an
/// image's alt text and caption, a sponsor label) unless a byline or date follows the pair (a page heading
/// and the article heading in a row).
fn is_headline_like(lines: &[&str], at: usize) -> bool {
    let line = lines[at];
    let words = word_count(line);
    let first_letter = line.chars().find(|c| c.is_alphabetic());
    (4..=25).contains(&words)
        && line.len() <= 300
        && !is_prose(line)
        && first_letter.is_some_and(|c| !c.is_lowercase())
        && !is_clutter(line)
        && !is_breadcrumb(line)
        && !is_transparent(line)
        && (at == 0 || lines[at - 1] != line)
        && (lines.get(at + 1).is_none_or(|next| *next != line) || lines.get(at + 2).is_some_and(|next| is_anchor(next)))
}

/// Site furniture worded like a sentence: calls to act, cookie notices, addresses.
fn is_clutter(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    const STARTS: &[&str] =
        &["skip to", "subscribe", "sign in", "sign up", "log in", "share ", "follow ", "advertisement", "read more"];
    STARTS.iter().any(|start| lower.starts_with(start)) || lower.contains("cookie") || lower.contains("://")
}

/// A trail of sections: separated by `>`, `/`, `»` or `|`, or `Home` followed by capitalised sections.
fn is_breadcrumb(line: &str) -> bool {
    [" > ", " / ", " » ", " | "].iter().any(|separator| line.contains(separator))
        || (line.starts_with("Home ") && line.split_whitespace().all(|word| !word.starts_with(char::is_lowercase)))
}

/// Prose, not a headline: a lower-case word of 4+ letters ends a sentence and a capitalised one follows
/// (`audience. When`; abbreviations such as `U.S. Has` or `Mr. Obama` do not count).
fn has_sentence_break(line: &str) -> bool {
    let mut tokens = line.split_whitespace().peekable();
    while let Some(token) = tokens.next() {
        let Some(word) = token.strip_suffix('.') else { continue };
        let ends_sentence = word.chars().count() >= 4 && word.chars().all(|c| c.is_lowercase());
        if ends_sentence && tokens.peek().is_some_and(|next| next.starts_with(char::is_uppercase)) {
            return true;
        }
    }
    false
}

/// A byline: `By`, `Por` or `Par` and a capitalised name, on a short line.
fn is_byline(line: &str) -> bool {
    let mut tokens = line.split_whitespace();
    let (Some(by), Some(name)) = (tokens.next(), tokens.next()) else { return false };
    let by = by.trim_end_matches(':');
    // `By Friday call the plumber` is a deadline, not an author.
    ["by", "por", "par"].iter().any(|word| by.eq_ignore_ascii_case(word))
        && name.starts_with(char::is_uppercase)
        && !is_month(&name.to_ascii_lowercase())
        && tokens.count() <= 14
}

/// A photo credit or caption tag: `©`, `Getty`, or a short line naming a photo or image.
fn is_credit(line: &str) -> bool {
    let lower = line.to_ascii_lowercase();
    lower.contains('©')
        || lower.contains("getty")
        || (word_count(line) <= 6 && (lower.contains("photo") || lower.contains("image")))
}

/// A date or time line: a short line with a month, a time or an ISO date whose words are mostly date words
/// (or led by `Updated`, `Published`, `Posted`), or a short line with a year and at most three words (`12 de
/// marzo de 2031`). A headline that mentions a date has more words than the date. One pass over its words.
fn is_dateline(line: &str) -> bool {
    let (mut tokens, mut date_words, mut words, mut digits_seen) = (0, 0, 0, 0);
    let (mut marked, mut has_year, mut led) = (false, false, false);
    for token in line.split_whitespace() {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
        let digits = word.bytes().filter(u8::is_ascii_digit).count();
        let month = is_month(&word);
        digits_seen += digits;
        if tokens == 12 {
            return false;
        }
        if tokens == 0 {
            led = ["updated", "published", "posted", "last"].contains(&word.as_str());
        }
        tokens += 1;
        words += usize::from(token.chars().any(char::is_alphabetic));
        marked |= month || is_time(token) || is_iso_date(token);
        has_year |= digits == 4 && word.len() == 4 && (word.starts_with("19") || word.starts_with("20"));
        date_words += usize::from(
            word.is_empty()
                || digits > 0
                || month
                || ["am", "pm", "gmt", "utc", "et", "est", "edt", "bst", "cet", "ist", "wat", "at", "on"]
                    .contains(&word.as_str()),
        );
    }
    digits_seen > 0 && ((marked && (led || 2 * date_words >= tokens)) || (has_year && words <= 3))
}

/// English month and weekday names and their three-letter forms, in a lower-case word.
fn is_month(word: &str) -> bool {
    const NAMES: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let word = word.trim_matches(|c: char| !c.is_ascii_lowercase());
    word == "sept" || NAMES.iter().any(|name| *name == word || (word.len() == 3 && name.starts_with(word)))
}

/// `5:27`, `06.05`, `4:10pm`.
fn is_time(token: &str) -> bool {
    let bytes = token.as_bytes();
    let hour = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    (1..=2).contains(&hour)
        && matches!(bytes.get(hour), Some(b':' | b'.'))
        && bytes.get(hour + 1..hour + 3).is_some_and(|minutes| minutes.iter().all(u8::is_ascii_digit))
}

/// `2031-11-18…`.
fn is_iso_date(token: &str) -> bool {
    let bytes = token.as_bytes();
    bytes.len() >= 10 && bytes[..4].iter().all(u8::is_ascii_digit) && bytes[4] == b'-' && bytes[7] == b'-'
}

/// At most 80 characters, with an ellipsis when cut.
fn shorten(line: &str) -> String {
    if line.chars().count() <= 80 {
        return line.to_string();
    }
    let mut title: String = line.chars().take(80).collect::<String>().trim_end().to_string();
    title.push('…');
    title
}

#[cfg(test)]
mod tests {
    use super::title_from_text;

    /// A lede long enough to be one (every name in these page tops is invented).
    const LEDE: &str = "The regional council of Varnmark voted on Tuesday to delay the new tram line by two years, \
        citing rising costs and a shortage of engineers, in a decision that angered commuters and business owners alike.";

    /// (site style, page top, the title expected).
    const PAGES: &[(&str, &str, &str)] = &[
        (
            "broadcaster: sponsor label repeated, headline, date, section",
            "Accessibility links\nSkip to content\nSign in\nNews\nSport\nWeather\nAdvertisement\n\
             Region is sponsored by\nRegion is sponsored by\nMayor Tolland admits tram delay is her 'biggest regret'\n\
             12 March 2031\nFrom the section Region\n{LEDE}",
            "Mayor Tolland admits tram delay is her 'biggest regret'",
        ),
        (
            "wire story: menu, headline, byline, reading time",
            "Home\nWorld\nBusiness\nMarkets\nVarnland central bank raises rates for third time this year\n\
             By Ola Brenneke and Tim Radz\n4 Min Read\n{LEDE}",
            "Varnland central bank raises rates for third time this year",
        ),
        (
            "blog: menu, headline, 'Posted on' date",
            "Menu\nHome\nAbout\nContact\nWhy I stopped buying fast fashion\nPosted on March 3, 2030 by Mira\n{LEDE}",
            "Why I stopped buying fast fashion",
        ),
        (
            "live page: label prefix, updated time",
            "Skip to main content\nLive\nLIVE: Storm Zelda makes landfall on the east coast\nUpdated 14:02 GMT\n\
             Key points\n{LEDE}",
            "LIVE: Storm Zelda makes landfall on the east coast",
        ),
        (
            "Nigerian site: breadcrumb, headline, date, category, byline",
            "facebook\ntwitter\ninstagram\nHome / News / Politics\nSenate confirms Adaeze Okonkwo as minister of works\n\
             On December 4, 2030 8:15 am\nIn News\nBy Chinedu Obi\n{LEDE}",
            "Senate confirms Adaeze Okonkwo as minister of works",
        ),
        (
            "Indian site: upper-case menu, headline, agency and date on one line",
            "ePaper\nLOGIN\nCITY\nNATION\nWORLD\nMetro line 9 to open before monsoon, says minister\n\
             PTI | Updated: Jan 12, 2031, 10:45 IST\nMUMBAI: {LEDE}",
            "Metro line 9 to open before monsoon, says minister",
        ),
        (
            "Latin American site: Spanish menu, headline, date, 'Por' byline",
            "Portada\nPolítica\nEconomía\nDeportes\nEl Congreso aprueba la reforma del agua en Valdoria\n\
             12 de marzo de 2031\nPor Lucía Ferrán\n{LEDE}",
            "El Congreso aprueba la reforma del agua en Valdoria",
        ),
        (
            "newspaper: headline, standfirst, author, date",
            "Skip to main content\nSupport us\nNews\nOpinion\nEducation\nSchools\n\
             Thousands of Varnmark teachers 'paid below the living wage'\n\
             Survey finds part-time staff in rural schools earn less than cleaners in the capital\n\
             Rosa Tamm Education editor\nMon 20 Jan 2031 06.05 GMT\n{LEDE}",
            "Thousands of Varnmark teachers 'paid below the living wage'",
        ),
        (
            "headline, share counts, photo credit, byline glued to a date",
            "Skip to content\nLogin\nRegister\nSHOP NOW >\n'Quiet' councillor Bo Lind: 'Is Anyone Still Reading Minutes?'\n\
             1204\n37\nANNA KEEL/AFP/Getty Images\nby Ann Vell12 Mar 2031\n{LEDE}",
            "'Quiet' councillor Bo Lind: 'Is Anyone Still Reading Minutes?'",
        ),
        (
            "headline twice (page heading and article heading), share buttons, caption, byline",
            "Sections\nThe Daily Ledger\nWhy the harbour deal fell apart at the last minute\nSign In\nSubscribe\nBusiness\n\
             Why the harbour deal fell apart at the last minute\nShare on Facebook\nShare on Twitter\n\
             A crane at the harbour on Monday, the day talks were meant to end with a signed deal. (Ben Ortiz/Getty Images)\n\
             By Kim Aldo March 3 at 9:14 AM\n{LEDE}",
            "Why the harbour deal fell apart at the last minute",
        ),
        (
            "no byline or date: headline, repeated photo caption, lede",
            "Accessibility links\nBreaking News\nOrlov: Varnland Has 'No Proof' Of Border Incursion\n\
             Foreign Minister Ivan Orlov\nForeign Minister Ivan Orlov\n{LEDE}",
            "Orlov: Varnland Has 'No Proof' Of Border Incursion",
        ),
        (
            "affiliate notice and breadcrumb above the headline",
            "Skip to main content\nSearch\nSubscribe to 'Sky Monthly'\n\
             Sky Monthly is supported by its readers. When you buy through links on our site, we may earn a commission.\n\
             Home News Science & Astronomy\nThe Strange Rings of the Dwarf Planet Quaoar Keep Growing\n\
             By Dan Kell 2031-11-18T20:51:19Z Science\n{LEDE}",
            "The Strange Rings of the Dwarf Planet Quaoar Keep Growing",
        ),
        (
            "Arabic page: menu, headline, time and date",
            "☰\nالرئيسية\nأخبار\nالمجلس البلدي يقر ميزانية جديدة للمدينة\n12:30 GMT, Mar 3, 2031\n{LEDE}",
            "المجلس البلدي يقر ميزانية جديدة للمدينة",
        ),
        (
            "emoji and combining marks in the headline",
            "🏠\nMenu\n🔥 Cafe\u{301} owners in Zéphyrine protest new rent rules\nBy Anaïs Durand\n{LEDE}",
            "🔥 Cafe\u{301} owners in Zéphyrine protest new rent rules",
        ),
        (
            "a footer link printed again far below is not the headline printed twice",
            "Sections\nJobs\nHelp and Contact Us\nTerms of Service\nThe Daily Ledger\nWhy the ferry fares went up again\n\
             Business\nWhy the ferry fares went up again\nShare on Twitter\n{BODY}\nHelp and Contact Us\nTerms of Service",
            "Why the ferry fares went up again",
        ),
        (
            "a list of other stories with their dates above the article, which has a byline",
            "Menu\nLatest\nCity council approves new budget plan\nNov 3, 2031\nHarbour workers strike over pay\n\
             Nov 3, 2031\nWorld\nTram drivers vote to accept new contract\nBy Ola Brenneke\nNov 4, 2031\n{LEDE}",
            "Tram drivers vote to accept new contract",
        ),
        ("plain two-paragraph note", "Ideas for the garden\n\n{LEDE}\n\nSecond thoughts later.", "Ideas for the garden"),
        (
            "plain paste of one paragraph keeps its first line",
            "{LEDE}",
            "The regional council of Varnmark voted on Tuesday to delay the new tram line by…",
        ),
        (
            "a headline over 80 characters is shortened",
            "Menu\nHome\nResidents of the northern districts of Varnmark say the new tram timetable leaves them stranded at night\nBy Ola Brenneke\n{LEDE}",
            "Residents of the northern districts of Varnmark say the new tram timetable leave…",
        ),
        ("one line", "Hello world", "Hello world"),
        ("empty", "", "Untitled"),
        ("only white space", " \n\u{a0}\n\t\r\n", "Untitled"),
        ("first line when nothing looks like a headline", "Menu\nSearch\nSubscribe\nok", "Menu"),
        (
            "CRLF line ends",
            "Home\r\nWorld\r\nFerry strike ends after three weeks of talks\r\nBy Ola Brenneke\r\n{LEDE}",
            "Ferry strike ends after three weeks of talks",
        ),
        (
            "reading time between the headline and the date",
            "Skip to main content\nWorld\nBusiness\nHarbour authority fines shipping firm over fuel spill\n3 minute read\n\
             March 3, 2031 9:15 AM UTC\n{LEDE}",
            "Harbour authority fines shipping firm over fuel spill",
        ),
        (
            "opinion piece: the author's name alone above the date",
            "Opinion\nComment\nWe should stop building roads into city centres\nJane Holm\nTue 4 Mar 2031 07.00 GMT\n{LEDE}",
            "We should stop building roads into city centres",
        ),
        (
            "weekday names without a date are not a date line",
            "Menu\nSunday Brunch Monday Blues\nLocal\nMarket stalls return to the old square\nBy Ola Brenneke\n{LEDE}",
            "Market stalls return to the old square",
        ),
        (
            "a date in the headline does not make it a date line",
            "News\nLocal\nTram line vote set for March 29 after long delay\nBy Ola Brenneke\n{LEDE}",
            "Tram line vote set for March 29 after long delay",
        ),
        (
            "headline printed twice in a row over an ordinal date; teasers with bylines below the article",
            "Menu\nNews\nBusiness\nVarnland signs water deal with its northern neighbour\n\
             Varnland signs water deal with its northern neighbour\nPublished November 20th, 2031 - 07:29 GMT\n{LEDE}\n\
             {LEDE}\nYou may also like\nHarbour workers strike over pay in the capital\nBy Ola Brenneke\n\
             Tram drivers vote to accept new contract\nBy Tim Radz",
            "Varnland signs water deal with its northern neighbour",
        ),
        (
            "headline printed twice in a row over a byline",
            "Home\nWorld\nFerry operator cancels winter crossings to the islands\n\
             Ferry operator cancels winter crossings to the islands\nBy Ola Brenneke\n{LEDE}",
            "Ferry operator cancels winter crossings to the islands",
        ),
        (
            "date under the headline; a teaser list with bylines below the lede",
            "Menu\nNews\nMinisters agree on a new fishing quota for the northern sea\n\
             Published March 2nd, 2031 - 11:05 GMT\n{LEDE}\nMore stories\nCity council approves new budget plan\n\
             By Tim Radz",
            "Ministers agree on a new fishing quota for the northern sea",
        ),
        (
            "section label of four words, headline, standfirst sentence, author, date",
            "Menu\nFilm\nTV\nAwards\nBest of the Decade\nVarnmark Film Festival names its winners after a stormy jury week\n\
             The jury handed its top prize to a first-time director from the northern coast, a choice that surprised critics.\n\n\
             Anna Keel\nNov 13, 2031 4:26 pm\n{LEDE}",
            "Varnmark Film Festival names its winners after a stormy jury week",
        ),
        (
            "section label, headline, standfirst sentence, byline, date",
            "Menu\nMusic\nTop Albums of 2031\nA quiet folk singer from Varnmark tops the autumn charts\n\
             Her third record sold more copies in a week than her first two did in a year, her label said.\n\
             By Anna Keel\nNov 13, 2031 4:26 pm\n{LEDE}",
            "A quiet folk singer from Varnmark tops the autumn charts",
        ),
        (
            "a long menu of one-word lines, then the date and a share button above the headline",
            "{MENU}\nOctober 9, 2031 at 9:40 am\nTweet\nVarnland opens its first offshore wind farm off the east coast\n\
             {LEDE}\nRelated\nHarbour workers strike over pay in the capital\nOctober 8, 2031",
            "Varnland opens its first offshore wind farm off the east coast",
        ),
        (
            "date and share buttons above the headline, teasers with dates below the lede",
            "Home\nNews\nSport\nOctober 9, 2031 at 9:40 am\nTweet\nShare\nMayor Tolland opens the new harbour bridge\n\
             {LEDE}\nRelated\nCity council approves new budget plan\nOctober 8, 2031\nBy Tim Radz",
            "Mayor Tolland opens the new harbour bridge",
        ),
        (
            "a related story's headline and its date two lines above the article's headline",
            "Menu\nMarkets\nRelated\nHarbour listings: Is there still an appetite?\nNov 3, 2031\n\
             Varnland's biggest retailer files for a stock market listing\n{LEDE}",
            "Varnland's biggest retailer files for a stock market listing",
        ),
        (
            "a teaser box's label, a related story's headline, then the article's headline and byline",
            "Menu\nMarkets\nRead more:\nHarbour listings: Is there still an appetite?\n\
             Varnland's biggest retailer files for a stock market listing\nBy Ola Brenneke\n{LEDE}",
            "Varnland's biggest retailer files for a stock market listing",
        ),
        (
            "a related story's headline and its summary above the article's headline",
            "Menu\nMarkets\nRelated\nHarbour listings: Is there still an appetite?\n\
             Three firms have put their plans on hold since the summer, bankers say.\n\
             Varnland's biggest retailer files for a stock market listing\n{LEDE}",
            "Varnland's biggest retailer files for a stock market listing",
        ),
        (
            "a related story's headline and its comment count above the article's headline and byline",
            "Menu\nMarkets\nRelated\nHarbour listings: Is there still an appetite?\n12 comments\n\
             Varnland's biggest retailer files for a stock market listing\nBy Ola Brenneke\n{LEDE}",
            "Varnland's biggest retailer files for a stock market listing",
        ),
        (
            "a caption without a period right above the lede, the headline above the date",
            "Menu\nNews\nFerry passengers stranded as storm closes the harbour\nMarch 3, 2031\n\
             Passengers wait at the harbour gate on Monday morning\n{LEDE}",
            "Ferry passengers stranded as storm closes the harbour",
        ),
        (
            "a news ticker of one long line above the headline and its date",
            "Menu\nBreaking News\n{LEDE} {LEDE}\nDeportees return home after a long journey\nNovember 20\n15:23\n\
             2031\nPrint This Article\nby Varnland Post Weekly\n{LEDE}",
            "Deportees return home after a long journey",
        ),
    ];

    /// A reviewer's plain notes: a deadline after "By", and a heading over a sentence over a paragraph.
    #[test]
    fn plain_notes_keep_their_first_line() {
        for note in [
            "Shopping list\nBuy more eggs and milk for the weekend\nBy Friday call the plumber about the sink"
                .to_string(),
            format!("Meeting notes\nWe talked about the budget for next year\n{LEDE}"),
        ] {
            assert_eq!(title_from_text(&note), note.lines().next().unwrap_or_default(), "{note}");
        }
    }

    #[test]
    fn page_tops() {
        let mut failures = Vec::new();
        for (style, page, expected) in PAGES {
            let menu = ["Section"; 250].join("\n");
            let page = page.replace("{BODY}", &[LEDE; 30].join("\n")).replace("{MENU}", &menu).replace("{LEDE}", LEDE);
            let got = title_from_text(&page);
            if got != *expected {
                failures.push(format!("{style}: got {got:?}, expected {expected:?}"));
            }
        }
        assert!(failures.is_empty(), "{} of {} wrong:\n{}", failures.len(), PAGES.len(), failures.join("\n"));
    }

    /// Only the first 64 KB are read, cut on a character boundary (a three-byte `€` straddles 65,536), and a
    /// page of a million short lines is as quick as its first 200.
    #[test]
    fn long_texts_are_read_only_at_the_top() {
        let euros = "€".repeat(30_000);
        assert_eq!(title_from_text(&euros), format!("{}…", "€".repeat(80)));
        let menu = "Menu\nBy Ola\n12 May 2031\n".repeat(300_000);
        assert_eq!(title_from_text(&menu), "Menu");
    }
}
