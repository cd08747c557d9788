//! γ (gamma), the unitizing agreement measure of Mathet, Widlöcher and Métivier (2015,
//! "The Unified and Holistic Method Gamma (γ) for Inter-Annotator Agreement Measure and
//! Alignment", Computational Linguistics 41(3)), with the definitions and defaults of the
//! reference implementation `pygamma-agreement`:
//!
//! - the combined dissimilarity `α·d_pos + β·d_cat` with α = β = Δ∅ = 1, where
//!   `d_pos = ((|s₁−s₂| + |e₁−e₂|) / (l₁ + l₂))²·Δ∅` and `d_cat` is 0 for the same category,
//!   Δ∅ otherwise;
//! - a unitary alignment takes at most one unit of each annotator (or none, the empty unit);
//!   its disorder is the mean over pairs of annotators of the dissimilarity of their units
//!   (Δ∅ when either is empty);
//! - the best alignment partitions every unit into unitary alignments with the least total
//!   disorder; the observed disorder is that total over the mean number of units per
//!   annotator;
//! - the expected disorder is the mean disorder of continua sampled from the statistics of
//!   the observed one (pygamma's default "statistical" sampler: numbers of units, gaps and
//!   lengths drawn from normal laws with the observed means and standard deviations,
//!   categories with their observed frequencies);
//! - γ = 1 − observed / expected (1 when nothing is in disorder).
//!
//! The best alignment is found exactly. Units are split into independent groups (two units
//! can share a unitary alignment of the best alignment only if their dissimilarity is at
//! most `(C(n,2) + n − 1)·Δ∅`, shown below); within a group every unitary alignment that
//! could belong to a best alignment is listed, and the cheapest exact cover is found by
//! depth-first branch and bound with an admissible bound, which proves optimality by
//! exhaustion.
//!
//! Why that pair bound holds: if a unitary alignment `T` with unit `u` of annotator `a` is in
//! a best alignment, splitting `u` off into its own alignment cannot lower the total, so
//! `Σ_{j≠a} (d(u, T_j) − Δ∅) ≤ C(n,2)·Δ∅` (the left side is what `u` adds to `T`, the right
//! side what `u` costs alone). Every term is at least −Δ∅, so for any other unit `v` in `T`,
//! `d(u, v) − Δ∅ − (n − 2)·Δ∅ ≤ C(n,2)·Δ∅`. Alignments failing the split test are left out
//! too: a partition using one can always be made cheaper.
//!
//! Sampling uses its own generator (`SplitMix64` with Box–Muller normals), so a seed gives the
//! same continua, and the same γ, on every machine and at every thread count.

use std::collections::BTreeMap;

/// One annotated unit on the continuum: a half-open span and a category number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unit {
    /// Where it starts.
    pub start: f64,
    /// Where it ends (after `start`).
    pub end: f64,
    /// Its category.
    pub category: u32,
}

impl Unit {
    /// Its length.
    pub fn len(&self) -> f64 {
        self.end - self.start
    }

    /// Whether it has no length (such units are left out of a continuum).
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
}

/// The units of each annotator over one text (the order of annotators is kept; each
/// annotator's units are sorted and duplicates removed, as `pygamma-agreement` does).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Continuum {
    /// Per annotator, its units.
    pub annotators: Vec<Vec<Unit>>,
}

impl Continuum {
    /// A continuum from each annotator's units: empty units dropped, the rest sorted by
    /// start, end and category, exact duplicates removed.
    pub fn new(annotators: Vec<Vec<Unit>>) -> Self {
        let annotators = annotators
            .into_iter()
            .map(|mut units| {
                units.retain(|u| !u.is_empty() && u.start.is_finite() && u.end.is_finite());
                units.sort_by(|a, b| {
                    a.start
                        .total_cmp(&b.start)
                        .then(a.end.total_cmp(&b.end))
                        .then(a.category.cmp(&b.category))
                });
                units.dedup();
                units
            })
            .collect();
        Self { annotators }
    }

    /// Units in all.
    pub fn units(&self) -> usize {
        self.annotators.iter().map(Vec::len).sum()
    }

    /// Mean number of units per annotator.
    pub fn units_per_annotator(&self) -> f64 {
        if self.annotators.is_empty() {
            0.0
        } else {
            self.units() as f64 / self.annotators.len() as f64
        }
    }
}

/// The combined dissimilarity's parameters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dissimilarity {
    /// Weight of the positional part.
    pub alpha: f64,
    /// Weight of the categorical part.
    pub beta: f64,
    /// Dissimilarity of a unit with the empty unit (Δ∅).
    pub delta_empty: f64,
}

impl Default for Dissimilarity {
    /// `pygamma-agreement`'s defaults: α = β = Δ∅ = 1.
    fn default() -> Self {
        Self {
            alpha: 1.0,
            beta: 1.0,
            delta_empty: 1.0,
        }
    }
}

impl Dissimilarity {
    /// Dissimilarity of two units.
    pub fn between(&self, a: &Unit, b: &Unit) -> f64 {
        let positional = ((a.start - b.start).abs() + (a.end - b.end).abs()) / (a.len() + b.len());
        let categorical = if a.category == b.category { 0.0 } else { 1.0 };
        self.alpha * positional * positional * self.delta_empty
            + self.beta * categorical * self.delta_empty
    }
}

/// Why a computation stopped before its end.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", crate::tr!("error-cancelled"))]
pub struct Cancelled;

/// A best alignment: the unitary alignments and their disorders.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Alignment {
    /// Each unitary alignment: per annotator, the index of its unit (`None`: empty).
    pub unitary: Vec<Vec<Option<usize>>>,
    /// The disorder of each unitary alignment (mean over pairs of annotators).
    pub disorders: Vec<f64>,
    /// Sum of `disorders`.
    pub total_disorder: f64,
    /// `total_disorder` over the mean number of units per annotator: the alignment's
    /// disorder as γ uses it.
    pub disorder: f64,
}

/// A candidate unitary alignment inside one group of units.
struct Candidate {
    /// Local indices of its units.
    members: Vec<usize>,
    /// Per annotator, the index of its unit in that annotator's list.
    slots: Vec<Option<usize>>,
    /// Sum over pairs of annotators of the dissimilarities (not yet divided by the number of
    /// pairs).
    cost: f64,
}

fn pairs(annotators: usize) -> f64 {
    (annotators * annotators.saturating_sub(1) / 2) as f64
}

/// Disjoint-set forest over unit numbers.
struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn new(n: usize) -> Self {
        Self {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while let Some(&p) = self.parent.get(x) {
            if p == x {
                break;
            }
            let grand = self.parent.get(p).copied().unwrap_or(p);
            if let Some(slot) = self.parent.get_mut(x) {
                *slot = grand;
            }
            x = p;
        }
        x
    }

    fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb
            && let Some(slot) = self.parent.get_mut(ra.max(rb))
        {
            *slot = ra.min(rb);
        }
    }
}

/// The best alignment of `continuum` (at least two annotators), found exactly. `cancel` is
/// polled now and then; when it returns true the search stops with [`Cancelled`].
pub fn best_alignment(
    continuum: &Continuum,
    dissimilarity: &Dissimilarity,
    cancel: &dyn Fn() -> bool,
) -> Result<Alignment, Cancelled> {
    let n = continuum.annotators.len();
    let delta = dissimilarity.delta_empty;
    let c2n = pairs(n);
    // Global unit numbers: annotator by annotator.
    let mut owner: Vec<(usize, usize)> = Vec::new();
    let mut first_of: Vec<usize> = Vec::with_capacity(n);
    for (a, units) in continuum.annotators.iter().enumerate() {
        first_of.push(owner.len());
        owner.extend((0..units.len()).map(|i| (a, i)));
    }
    let unit_of = |g: usize| -> Option<&Unit> {
        let &(a, i) = owner.get(g)?;
        continuum.annotators.get(a)?.get(i)
    };
    // Pairs of units of different annotators that may share a unitary alignment.
    let pair_bound = (c2n + n as f64 - 1.0) * delta;
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); owner.len()];
    let mut groups = Groups::new(owner.len());
    for a in 0..n {
        for b in (a + 1)..n {
            let (Some(units_a), Some(units_b)) =
                (continuum.annotators.get(a), continuum.annotators.get(b))
            else {
                continue;
            };
            let longest_b = units_b.iter().map(Unit::len).fold(0.0, f64::max);
            // d ≥ α·((|Δs| + |Δe|)/(l₁ + l₂))²·Δ∅, so |Δs| ≤ reach·(l₁ + l₂) is necessary.
            let reach = if dissimilarity.alpha > 0.0 && delta > 0.0 {
                (pair_bound / (dissimilarity.alpha * delta)).sqrt()
            } else {
                f64::INFINITY
            };
            for (i, u) in units_a.iter().enumerate() {
                let window = reach * (u.len() + longest_b);
                let from = units_b.partition_point(|v| v.start < u.start - window);
                for (j, v) in units_b.iter().enumerate().skip(from) {
                    if v.start > u.start + window {
                        break;
                    }
                    if dissimilarity.between(u, v) <= pair_bound {
                        let (gu, gv) = (first_of[a] + i, first_of[b] + j);
                        neighbours[gu].push(gv);
                        neighbours[gv].push(gu);
                        groups.join(gu, gv);
                    }
                }
            }
        }
    }
    let mut members_of: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for g in 0..owner.len() {
        members_of.entry(groups.find(g)).or_default().push(g);
    }
    let mut alignment = Alignment::default();
    let mut searched: u64 = 0;
    for (_, members) in members_of {
        if cancel() {
            return Err(Cancelled);
        }
        let chosen = if members.len() == 1 {
            vec![Candidate {
                members: vec![0],
                slots: (0..n)
                    .map(|a| {
                        let &(owner_a, i) = owner.get(members[0])?;
                        (owner_a == a).then_some(i)
                    })
                    .collect(),
                cost: c2n * delta,
            }]
        } else {
            let candidates =
                candidates_of(&members, &owner, &neighbours, &unit_of, n, dissimilarity);
            cover(members.len(), candidates, &mut searched, cancel)?
        };
        for candidate in chosen {
            let disorder = if c2n > 0.0 { candidate.cost / c2n } else { 0.0 };
            alignment.total_disorder += disorder;
            alignment.disorders.push(disorder);
            alignment.unitary.push(candidate.slots);
        }
    }
    let per_annotator = continuum.units_per_annotator();
    alignment.disorder = if per_annotator > 0.0 {
        alignment.total_disorder / per_annotator
    } else {
        0.0
    };
    Ok(alignment)
}

/// Every unitary alignment of the group `members` (global unit numbers) that could be part
/// of a best alignment: the units pairwise neighbours, and no unit cheaper split off.
fn candidates_of<'a>(
    members: &[usize],
    owner: &[(usize, usize)],
    neighbours: &[Vec<usize>],
    unit_of: &dyn Fn(usize) -> Option<&'a Unit>,
    n: usize,
    dissimilarity: &Dissimilarity,
) -> Vec<Candidate> {
    let delta = dissimilarity.delta_empty;
    let c2n = pairs(n);
    let local: BTreeMap<usize, usize> = members.iter().enumerate().map(|(l, &g)| (g, l)).collect();
    let mut by_annotator: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &g in members {
        if let Some(&(a, _)) = owner.get(g)
            && let Some(list) = by_annotator.get_mut(a)
        {
            list.push(g);
        }
    }
    let mut out = Vec::new();
    // Depth-first over annotators: each picks a unit (neighbour of all picked so far) or
    // none.
    let mut picked: Vec<Option<usize>> = vec![None; n];
    enumerate(
        0,
        &mut picked,
        &by_annotator,
        neighbours,
        &mut |picked: &[Option<usize>]| {
            let real: Vec<usize> = picked.iter().flatten().copied().collect();
            if real.is_empty() {
                return;
            }
            let units: Vec<Option<&Unit>> = picked.iter().map(|p| p.and_then(unit_of)).collect();
            let d = |a: usize, b: usize| match (
                units.get(a).copied().flatten(),
                units.get(b).copied().flatten(),
            ) {
                (Some(x), Some(y)) => dissimilarity.between(x, y),
                _ => delta,
            };
            let mut cost = 0.0;
            for a in 0..n {
                for b in (a + 1)..n {
                    cost += d(a, b);
                }
            }
            if real.len() >= 2 {
                // pygamma's own criterion, and the split test for each unit.
                if cost > n as f64 * c2n * delta {
                    return;
                }
                for (a, unit) in units.iter().enumerate() {
                    if unit.is_none() {
                        continue;
                    }
                    let added: f64 = (0..n).filter(|&b| b != a).map(|b| d(a, b) - delta).sum();
                    if added > c2n * delta + 1e-12 {
                        return;
                    }
                }
            }
            out.push(Candidate {
                members: real.iter().filter_map(|g| local.get(g).copied()).collect(),
                slots: picked
                    .iter()
                    .map(|p| p.and_then(|g| owner.get(g).map(|&(_, i)| i)))
                    .collect(),
                cost,
            });
        },
    );
    out
}

fn enumerate(
    annotator: usize,
    picked: &mut Vec<Option<usize>>,
    by_annotator: &[Vec<usize>],
    neighbours: &[Vec<usize>],
    emit: &mut dyn FnMut(&[Option<usize>]),
) {
    let Some(options) = by_annotator.get(annotator) else {
        emit(picked);
        return;
    };
    // Empty unit.
    enumerate(annotator + 1, picked, by_annotator, neighbours, emit);
    for &g in options {
        let fits = picked
            .iter()
            .flatten()
            .all(|&other| neighbours.get(other).is_some_and(|list| list.contains(&g)));
        if fits {
            if let Some(slot) = picked.get_mut(annotator) {
                *slot = Some(g);
            }
            enumerate(annotator + 1, picked, by_annotator, neighbours, emit);
            if let Some(slot) = picked.get_mut(annotator) {
                *slot = None;
            }
        }
    }
}

/// Nodes the plain search may visit before the 0–1 program takes over.
const SEARCH_BUDGET: u64 = 20_000;

/// The cheapest exact cover of units `0..count` by `candidates` (every unit alone is among
/// them), by depth-first branch and bound.
fn cover(
    count: usize,
    candidates: Vec<Candidate>,
    searched: &mut u64,
    cancel: &dyn Fn() -> bool,
) -> Result<Vec<Candidate>, Cancelled> {
    // Each unit's cheapest share of a candidate: a lower bound on what covering it costs.
    let mut share = vec![f64::INFINITY; count];
    let mut containing: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (c, candidate) in candidates.iter().enumerate() {
        let per_unit = candidate.cost / candidate.members.len().max(1) as f64;
        for &m in &candidate.members {
            if let Some(s) = share.get_mut(m) {
                *s = s.min(per_unit);
            }
            if let Some(list) = containing.get_mut(m) {
                list.push(c);
            }
        }
    }
    for list in &mut containing {
        list.sort_by(|&a, &b| {
            let (ca, cb) = (&candidates[a], &candidates[b]);
            (ca.cost / ca.members.len() as f64)
                .total_cmp(&(cb.cost / cb.members.len() as f64))
                .then(cb.members.len().cmp(&ca.members.len()))
        });
    }
    let mut search = Search {
        candidates: &candidates,
        containing: &containing,
        share: &share,
        covered: vec![false; count],
        chosen: Vec::new(),
        best: Vec::new(),
        best_cost: f64::INFINITY,
        searched,
        budget: SEARCH_BUDGET,
        cancel,
    };
    let remaining: f64 = share.iter().sum();
    let mut best = match search.descend(0, 0.0, remaining) {
        Ok(()) => search.best,
        Err(Stop::Cancelled) => return Err(Cancelled),
        Err(Stop::Budget) => {
            let budgetless = Search {
                budget: u64::MAX,
                best: Vec::new(),
                best_cost: f64::INFINITY,
                chosen: Vec::new(),
                covered: vec![false; count],
                ..search
            };
            cover_by_program(count, &candidates).map_or_else(|| budgetless.finish(remaining), Ok)?
        }
    };
    best.sort_unstable();
    let mut candidates: Vec<Option<Candidate>> = candidates.into_iter().map(Some).collect();
    Ok(best
        .into_iter()
        .filter_map(|c| candidates.get_mut(c).and_then(Option::take))
        .collect())
}

/// The cheapest exact cover as a 0–1 program (one variable per candidate, each unit covered
/// exactly once), solved by `microlp`'s branch and bound; `None` unless it proves its
/// answer optimal.
fn cover_by_program(count: usize, candidates: &[Candidate]) -> Option<Vec<usize>> {
    use microlp::{ComparisonOp, OptimizationDirection, Problem, SolutionStatus, SolveOutcome};
    let mut problem = Problem::new(OptimizationDirection::Minimize);
    let variables: Vec<microlp::Variable> = candidates
        .iter()
        .map(|c| problem.add_binary_var(c.cost))
        .collect();
    let mut rows: Vec<Vec<(microlp::Variable, f64)>> = vec![Vec::new(); count];
    for (candidate, &variable) in candidates.iter().zip(&variables) {
        for &m in &candidate.members {
            rows.get_mut(m)?.push((variable, 1.0));
        }
    }
    for row in rows {
        problem.add_constraint(row, ComparisonOp::Eq, 1.0);
    }
    let SolveOutcome::Solution(solution) = problem.solve().ok()? else {
        return None;
    };
    if solution.status() != SolutionStatus::Optimal {
        return None;
    }
    Some(
        variables
            .iter()
            .enumerate()
            .filter(|(_, v)| solution.var_value(**v) > 0.5)
            .map(|(c, _)| c)
            .collect(),
    )
}

/// Why a search stopped early.
enum Stop {
    Cancelled,
    /// More nodes than its budget: the 0–1 program takes over.
    Budget,
}

struct Search<'a> {
    candidates: &'a [Candidate],
    containing: &'a [Vec<usize>],
    share: &'a [f64],
    covered: Vec<bool>,
    chosen: Vec<usize>,
    best: Vec<usize>,
    best_cost: f64,
    searched: &'a mut u64,
    budget: u64,
    cancel: &'a dyn Fn() -> bool,
}

impl Search<'_> {
    /// Searches to the end without a budget.
    fn finish(mut self, remaining: f64) -> Result<Vec<usize>, Cancelled> {
        match self.descend(0, 0.0, remaining) {
            Ok(()) | Err(Stop::Budget) => Ok(self.best),
            Err(Stop::Cancelled) => Err(Cancelled),
        }
    }

    fn descend(&mut self, from: usize, cost: f64, remaining: f64) -> Result<(), Stop> {
        *self.searched += 1;
        if self.budget > 0 {
            self.budget -= 1;
        } else {
            return Err(Stop::Budget);
        }
        if (*self.searched).is_multiple_of(4096) && (self.cancel)() {
            return Err(Stop::Cancelled);
        }
        let Some(unit) = (from..self.covered.len()).find(|&u| !self.covered[u]) else {
            if cost < self.best_cost {
                self.best_cost = cost;
                self.best.clone_from(&self.chosen);
            }
            return Ok(());
        };
        let Some(options) = self.containing.get(unit) else {
            return Ok(());
        };
        for &c in options {
            let Some(candidate) = self.candidates.get(c) else {
                continue;
            };
            if candidate.members.iter().any(|&m| self.covered[m]) {
                continue;
            }
            let freed: f64 = candidate.members.iter().map(|&m| self.share[m]).sum();
            let next_remaining = remaining - freed;
            let next_cost = cost + candidate.cost;
            if next_cost + next_remaining >= self.best_cost - 1e-9 {
                continue;
            }
            for &m in &candidate.members {
                self.covered[m] = true;
            }
            self.chosen.push(c);
            let result = self.descend(unit + 1, next_cost, next_remaining);
            self.chosen.pop();
            for &m in &candidate.members {
                self.covered[m] = false;
            }
            result?;
        }
        Ok(())
    }
}

/// A small deterministic generator (`SplitMix64`), so sampled continua depend on the seed
/// alone.
#[derive(Clone, Debug)]
pub struct SplitMix64 {
    state: u64,
    spare_normal: Option<f64>,
}

impl SplitMix64 {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Self {
        Self {
            state: seed,
            spare_normal: None,
        }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Normal with mean `mean` and standard deviation `sd` (Box–Muller).
    pub fn normal(&mut self, mean: f64, sd: f64) -> f64 {
        if let Some(z) = self.spare_normal.take() {
            return mean + sd * z;
        }
        let u1 = 1.0 - self.uniform();
        let u2 = self.uniform();
        let radius = (-2.0 * u1.ln()).sqrt();
        let angle = std::f64::consts::TAU * u2;
        self.spare_normal = Some(radius * angle.sin());
        mean + sd * radius * angle.cos()
    }
}

/// Mixes `parts` into one seed (FNV-1a then `SplitMix64`), so each article and label gets its
/// own stream of samples from the one seed the user gives.
pub fn derive_seed(seed: u64, parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325 ^ seed;
    for part in parts {
        for &byte in *part {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        hash ^= 0xff;
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    SplitMix64::new(hash).next_u64()
}

fn mean_and_sd(values: &[f64]) -> (f64, f64) {
    if values.is_empty() {
        return (0.0, 0.0);
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let variance = values.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / n;
    (mean, variance.sqrt())
}

/// The statistics a continuum is sampled from (pygamma's statistical sampler).
#[derive(Clone, Debug, PartialEq)]
pub struct SamplerStatistics {
    annotators: usize,
    units: (f64, f64),
    gap: (f64, f64),
    length: (f64, f64),
    /// Categories and their cumulative frequencies.
    categories: Vec<(u32, f64)>,
}

impl SamplerStatistics {
    /// The statistics of `continuum`: mean and standard deviation of the number of units per
    /// annotator, of the gaps between an annotator's consecutive units (with a zero, and each
    /// annotator's first start when positive), and of the units' lengths; and how often each
    /// category occurs.
    pub fn of(continuum: &Continuum) -> Self {
        let mut gaps = vec![0.0];
        for units in &continuum.annotators {
            for pair in units.windows(2) {
                gaps.push(pair[1].start - pair[0].end);
            }
        }
        for units in &continuum.annotators {
            if let Some(first) = units.first()
                && first.start > 0.0
            {
                gaps.push(first.start);
            }
        }
        let counts: Vec<f64> = continuum
            .annotators
            .iter()
            .map(|u| u.len() as f64)
            .collect();
        let lengths: Vec<f64> = continuum
            .annotators
            .iter()
            .flatten()
            .map(Unit::len)
            .collect();
        let mut frequency: BTreeMap<u32, f64> = BTreeMap::new();
        for unit in continuum.annotators.iter().flatten() {
            *frequency.entry(unit.category).or_default() += 1.0;
        }
        let total: f64 = frequency.values().sum();
        let mut cumulative = 0.0;
        let categories = frequency
            .into_iter()
            .map(|(category, count)| {
                cumulative += count / total;
                (category, cumulative)
            })
            .collect();
        Self {
            annotators: continuum.annotators.len(),
            units: mean_and_sd(&counts),
            gap: mean_and_sd(&gaps),
            length: mean_and_sd(&lengths),
            categories,
        }
    }

    /// One sampled continuum (never empty when the observed one has a unit).
    pub fn sample(&self, rng: &mut SplitMix64) -> Continuum {
        let mut annotators = Vec::with_capacity(self.annotators);
        let mut any = false;
        for _ in 0..self.annotators {
            let drawn = rng.normal(self.units.0, self.units.1).trunc().abs();
            // Bounded: a sample is never more than a few times the observed size.
            let mut count = drawn.min(self.units.0 * 10.0 + 100.0) as usize;
            if !any && !self.categories.is_empty() {
                count = count.max(1);
            }
            let mut units = Vec::with_capacity(count);
            let mut last = 0.0;
            for _ in 0..count {
                let start = last + rng.normal(self.gap.0, self.gap.1);
                let mut length = rng.normal(self.length.0, self.length.1).abs();
                let mut tries = 0;
                while length < 1e-6 && tries < 100 {
                    length = rng.normal(self.length.0, self.length.1).abs();
                    tries += 1;
                }
                let length = length.max(1e-6);
                let pick = rng.uniform();
                let category = self
                    .categories
                    .iter()
                    .find(|(_, c)| pick < *c)
                    .or(self.categories.last())
                    .map_or(0, |(category, _)| *category);
                units.push(Unit {
                    start,
                    end: start + length,
                    category,
                });
                last = start + length;
            }
            any |= !units.is_empty();
            annotators.push(units);
        }
        Continuum::new(annotators)
    }
}

/// Settings of a γ computation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GammaOptions {
    /// The dissimilarity.
    pub dissimilarity: Dissimilarity,
    /// Sampled continua for the expected disorder.
    pub samples: usize,
    /// Seed of the sampling.
    pub seed: u64,
}

/// Samples used by default, as `pygamma-agreement`.
pub const DEFAULT_SAMPLES: usize = 30;
/// Seed used by default.
pub const DEFAULT_SEED: u64 = 4772;

impl Default for GammaOptions {
    fn default() -> Self {
        Self {
            dissimilarity: Dissimilarity::default(),
            samples: DEFAULT_SAMPLES,
            seed: DEFAULT_SEED,
        }
    }
}

/// The parts of γ for one continuum, kept so that several continua can be pooled.
#[derive(Clone, Debug, PartialEq)]
pub struct GammaParts {
    /// The best alignment.
    pub alignment: Alignment,
    /// Mean number of units per annotator.
    pub units_per_annotator: f64,
    /// The disorder of each sampled continuum's best alignment.
    pub sample_disorders: Vec<f64>,
}

impl GammaParts {
    /// Observed disorder.
    pub fn observed(&self) -> f64 {
        self.alignment.disorder
    }

    /// Expected disorder: the mean over the samples.
    pub fn expected(&self) -> Option<f64> {
        (!self.sample_disorders.is_empty())
            .then(|| self.sample_disorders.iter().sum::<f64>() / self.sample_disorders.len() as f64)
    }

    /// γ, when defined.
    pub fn gamma(&self) -> Option<f64> {
        gamma_from(self.observed(), self.expected()?)
    }
}

/// γ from an observed and an expected disorder: 1 with no observed disorder, undefined with
/// no expected one.
pub fn gamma_from(observed: f64, expected: f64) -> Option<f64> {
    if observed == 0.0 {
        Some(1.0)
    } else if expected > 0.0 {
        Some(1.0 - observed / expected)
    } else {
        None
    }
}

/// γ over `continuum` (two annotators or more, at least one unit): the best alignment and
/// `options.samples` sampled continua from `rng`. `step` is called after each alignment
/// (the observed one, then each sample); the work stops with [`Cancelled`] as soon as
/// `cancel` returns true.
pub fn gamma_parts(
    continuum: &Continuum,
    options: &GammaOptions,
    rng: &mut SplitMix64,
    step: &dyn Fn(),
    cancel: &dyn Fn() -> bool,
) -> Result<GammaParts, Cancelled> {
    let alignment = best_alignment(continuum, &options.dissimilarity, cancel)?;
    step();
    let statistics = SamplerStatistics::of(continuum);
    let mut sample_disorders = Vec::with_capacity(options.samples);
    for _ in 0..options.samples {
        let sample = statistics.sample(rng);
        let sampled = best_alignment(&sample, &options.dissimilarity, cancel)?;
        sample_disorders.push(sampled.disorder);
        step();
    }
    Ok(GammaParts {
        alignment,
        units_per_annotator: continuum.units_per_annotator(),
        sample_disorders,
    })
}

/// γ of one continuum with `options` (seeded with `options.seed`).
pub fn gamma(continuum: &Continuum, options: &GammaOptions) -> Option<f64> {
    if continuum.annotators.len() < 2 || continuum.units() == 0 {
        return None;
    }
    let mut rng = SplitMix64::new(options.seed);
    gamma_parts(continuum, options, &mut rng, &|| {}, &|| false)
        .ok()?
        .gamma()
}

/// γ over several continua pooled: the observed and expected disorders are means of each
/// continuum's weighted by its mean number of units per annotator (so one continuum gives
/// its own γ, and pooling equals treating the texts as one continuum that never aligns
/// units of different texts).
pub fn pooled_gamma<'a>(parts: impl IntoIterator<Item = &'a GammaParts>) -> Option<f64> {
    let mut weight = 0.0;
    let mut observed = 0.0;
    let mut expected = 0.0;
    for part in parts {
        let Some(part_expected) = part.expected() else {
            continue;
        };
        weight += part.units_per_annotator;
        observed += part.alignment.total_disorder;
        expected += part.units_per_annotator * part_expected;
    }
    if weight <= 0.0 {
        return None;
    }
    gamma_from(observed / weight, expected / weight)
}
