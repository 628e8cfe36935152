//! Great-circle distance for geofenced check-ins.

/// Metres between two points (haversine, mean Earth radius).
pub fn distance_m(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    const R: f64 = 6_371_008.8;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * R * a.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_distances() {
        assert!(distance_m(37.43, 112.03, 37.43, 112.03) < 0.001);
        // 0.001° of latitude ≈ 111 m.
        let d = distance_m(37.430, 112.03, 37.431, 112.03);
        assert!((110.0..113.0).contains(&d), "{d}");
    }
}
