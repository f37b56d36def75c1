//! A pasted page's title: the line most likely to be its headline, not its first line of site clutter.

/// Placeholder: today's behaviour (first non-empty line), replaced below once the tests are written.
pub(crate) fn title_from_text(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("Untitled");
    shorten(line)
}

/// At most 80 characters, with an ellipsis when cut.
fn shorten(line: &str) -> String {
    let mut title: String = line.chars().take(80).collect();
    if line.chars().count() > 80 {
        title.push('…');
    }
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
            "a date in the headline does not make it a date line",
            "News\nLocal\nTram line vote set for March 29 after long delay\nBy Ola Brenneke\n{LEDE}",
            "Tram line vote set for March 29 after long delay",
        ),
    ];

    #[test]
    fn page_tops() {
        let mut failures = Vec::new();
        for (style, page, expected) in PAGES {
            let page = page.replace("{LEDE}", LEDE);
            let got = title_from_text(&page);
            if got != *expected {
                failures.push(format!("{style}: got {got:?}, expected {expected:?}"));
            }
        }
        assert!(failures.is_empty(), "{} of {} wrong:\n{}", failures.len(), PAGES.len(), failures.join("\n"));
    }
}
