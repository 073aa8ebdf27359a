//! A role noun after the name of a town the dictionaries do not know: "Fort Worth police",
//! "Brooklyn prosecutors", "Abbotsford officials". The agents file gives the noun a sector
//! and the town is no actor, so the noun waited for a country from its context (the nearest
//! country named, else the document's) and stayed uncoded in a story with neither; yet the
//! town right before it says where those police serve.
//!
//! The town must be a place the NER found (LOC or GPE) ending right before the noun, written
//! in capitals, and one the GeoNames cities place in one country clearly
//! (`Resolver::city_country`: not a name the NER also gives a person, not a name a
//! dictionary knows, not shared by comparable cities of two countries).

use super::Resolver;

impl Resolver<'_> {
    /// An agent with a sector and no country, right after a town the NER found, takes the
    /// town's country.
    pub(super) fn town_agents(&mut self) {
        for k in 0..self.out.len() {
            let (m, (a, _)) = (&self.out[k].0, self.out[k].1);
            if !m.rule.starts_with("agent (") || m.country.is_some() || m.sector.is_none() {
                continue;
            }
            let town = self.entities.iter().find(|e| {
                matches!(e.label.as_str(), "LOC" | "GPE") && e.tokens[1] == a && e.tokens[0] < a
            });
            let Some(e) = town else {
                continue;
            };
            let (x, y) = (e.tokens[0], e.tokens[1]);
            let written = (x..y).all(|i| {
                let t = &self.doc.tokens[i];
                t.upos.as_deref() == Some("PROPN")
                    && t.text.chars().next().is_some_and(char::is_uppercase)
                    && self.mention_at(i).is_none()
            });
            if !written {
                continue;
            }
            let Some(country) = self.city_country(x, y) else {
                continue;
            };
            let sector = m.sector.clone().unwrap_or_default();
            let code = format!("{country}{sector}");
            let book = self.dict.codebook();
            if !book.is_valid_actor_code(&code) {
                continue;
            }
            let name: Vec<&str> = (x..y).map(|i| self.doc.tokens[i].text.as_str()).collect();
            let rule = format!("{} + town (\"{}\" -> {country})", m.rule, name.join(" "));
            let m = &mut self.out[k].0;
            m.set_code(Some(&code), book);
            m.rule = rule;
        }
    }
}
